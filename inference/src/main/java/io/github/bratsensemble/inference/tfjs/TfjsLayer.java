package io.github.bratsensemble.inference.tfjs;

/** One supported layer of a TensorFlow.js layers model, in graph order. */
public sealed interface TfjsLayer {

  String name();

  /**
   * A 3-D convolution in TensorFlow's channels-last convention.
   *
   * @param kernel weights in tfjs order {@code [kd, kh, kw, in, out]}, flattened row-major
   * @param bias one value per filter, or {@code null} without bias
   * @param samePadding {@code true} for {@code same}, {@code false} for {@code valid}
   * @param activation the layer's own activation, applied after the convolution ({@code linear} for none)
   */
  record Conv3D(String name, int filters, int inChannels, int[] kernelSize, int[] strides, int[] dilation,
      boolean samePadding, String activation, float[] kernel, float[] bias) implements TfjsLayer {}

  /** A stand-alone activation layer. */
  record Activation(String name, String activation) implements TfjsLayer {}
}
