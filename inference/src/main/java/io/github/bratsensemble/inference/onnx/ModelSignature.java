package io.github.bratsensemble.inference.onnx;

import java.util.Arrays;

/**
 * The single float input and output of a segmentation model, as the ONNX file declares them. A
 * dimension of -1 is dynamic (symbolic or unknown).
 *
 * @param inputShape declared input shape, expected {@code [N, C, D, H, W]}
 * @param outputShape declared output shape, expected {@code [N, K, D, H, W]}
 */
public record ModelSignature(String modelName, String inputName, long[] inputShape, String outputName, long[] outputShape) {

  /**
   * Checks that the model takes {@code channels} input channels and returns {@code classes} output
   * channels as 5-D tensors; dynamic dimensions match anything.
   *
   * @throws IllegalArgumentException naming the model, the tensor and the expected and declared values
   */
  public void check(int channels, int classes) {
    requireRank(inputName, inputShape, "input");
    requireRank(outputName, outputShape, "output");
    if (inputShape[1] >= 0 && inputShape[1] != channels) {
      throw new IllegalArgumentException("model " + modelName + " input '" + inputName + "' has " + inputShape[1]
          + " channels " + Arrays.toString(inputShape) + " but " + channels + " input volumes were configured");
    }
    if (outputShape[1] >= 0 && outputShape[1] != classes) {
      throw new IllegalArgumentException("model " + modelName + " output '" + outputName + "' has " + outputShape[1]
          + " channels " + Arrays.toString(outputShape) + " but the output decoding expects " + classes);
    }
  }

  /** Returns the fixed spatial size (D, H, W) of the input, with -1 for dynamic dimensions. */
  public long[] spatialInputShape() {
    return new long[] {inputShape[2], inputShape[3], inputShape[4]};
  }

  private void requireRank(String name, long[] shape, String role) {
    if (shape.length != 5) {
      throw new IllegalArgumentException("model " + modelName + " " + role + " '" + name + "' has shape "
          + Arrays.toString(shape) + "; a 5-D tensor [N, C, D, H, W] is required");
    }
  }

  @Override
  public String toString() {
    return inputName + Arrays.toString(inputShape) + " -> " + outputName + Arrays.toString(outputShape);
  }
}
