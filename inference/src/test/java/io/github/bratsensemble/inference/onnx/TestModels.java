package io.github.bratsensemble.inference.onnx;

/** Small ONNX models built in memory for tests, all with input [N, C, D, H, W] and dynamic sizes unless stated. */
public final class TestModels {
  private TestModels() {}

  /** Returns a 1x1x1 convolution: output channel k = bias[k] + sum_c weights[k][c] * input channel c. */
  public static byte[] pointwise(float[][] weights, float[] bias) {
    int out = weights.length;
    int in = weights[0].length;
    float[] kernel = new float[out * in];
    for (int k = 0; k < out; k++) {
      System.arraycopy(weights[k], 0, kernel, k * in, in);
    }
    OnnxGraphBuilder b = new OnnxGraphBuilder("pointwise");
    b.input("image", -1, in, -1, -1, -1);
    String w = b.initializer("w", kernel, out, in, 1, 1, 1);
    String bias0 = b.initializer("b", bias, out);
    b.node("Conv", "logits", new String[] {"image", w, bias0}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("logits", -1, out, -1, -1, -1);
    return b.build(17, "test");
  }

  /** Returns the identity on {@code channels} channels as a pointwise convolution. */
  public static byte[] identity(int channels) {
    float[][] weights = new float[channels][channels];
    for (int c = 0; c < channels; c++) {
      weights[c][c] = 1;
    }
    return pointwise(weights, new float[channels]);
  }

  /** Returns a one-channel shift: output(x) = input(x + 1) along W (the volume's x axis), 0 past the last voxel. */
  public static byte[] shiftAlongX() {
    OnnxGraphBuilder b = new OnnxGraphBuilder("shift");
    b.input("image", -1, 1, -1, -1, -1);
    String w = b.initializer("w", new float[] {0, 0, 1}, 1, 1, 1, 1, 3);
    b.node("Conv", "out", new String[] {"image", w},
        OnnxGraphBuilder.ints("kernel_shape", 1, 1, 3), OnnxGraphBuilder.ints("pads", 0, 0, 1, 0, 0, 1));
    b.output("out", -1, 1, -1, -1, -1);
    return b.build(17, "test");
  }

  /** Returns the identity on one channel with a fixed input shape [1, 1, d, h, w]. */
  public static byte[] fixedIdentity(int d, int h, int w) {
    OnnxGraphBuilder b = new OnnxGraphBuilder("fixed");
    b.input("image", 1, 1, d, h, w);
    String weight = b.initializer("w", new float[] {1}, 1, 1, 1, 1, 1);
    b.node("Conv", "out", new String[] {"image", weight}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("out", 1, 1, d, h, w);
    return b.build(17, "test");
  }
}
