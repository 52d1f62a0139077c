package io.github.bratsensemble.inference.tfjs;

import io.github.bratsensemble.inference.onnx.OnnxGraphBuilder;
import java.io.IOException;

/**
 * Converts a {@link TfjsModel} to an ONNX graph (opset 17) that runs channels first.
 *
 * <p>Input layout. The ONNX input {@code input} is {@code [N, C, D, H, W]} where (D, H, W) are the
 * tfjs model's spatial axes; the output {@code output} is {@code [N, K, D, H, W]}. Brainchop feeds
 * many models the transposed volume ({@code enableTranspose}: the tfjs axes D, H, W are the NIfTI
 * axes x, y, z). With {@code reverseSpatialAxes} the graph instead takes {@code [N, C, W, H, D]},
 * which for such models is {@code [N, C, z, y, x]}: exactly a NIfTI volume's memory order, so
 * no transposition is needed at run time. A convolution on reversed axes is the convolution with the
 * kernel's spatial axes reversed, so only the kernels and per-axis attributes change.
 *
 * <p>Layer mapping. Conv3D kernels {@code [kd, kh, kw, in, out]} become ONNX {@code [out, in, kd,
 * kh, kw]}; {@code same} padding becomes explicit pads: with effective kernel extent
 * {@code (k - 1) * dilation + 1} the total is extent - 1, split as TensorFlow does (the smaller half
 * before); strides other than 1 use {@code auto_pad = SAME_UPPER}, which splits like TensorFlow.
 * Activations: relu, elu (alpha 1), sigmoid, tanh, softmax over channels, and gelu as the exact
 * {@code 0.5 * x * (1 + erf(x / sqrt(2)))} built from Div, Erf, Add and Mul. Brainchop applies
 * instance normalisation (per channel over all spatial voxels, epsilon 1e-5, no scale or shift)
 * after every Conv3D whose name ends in {@code _gn}; the graph does the same with
 * InstanceNormalization, so such models are not translation invariant and must see the whole
 * (cropped) volume at once.
 */
public final class TfjsToOnnx {
  private static final int OPSET = 17;

  private TfjsToOnnx() {}

  /**
   * Returns the serialized ONNX model.
   *
   * @throws IOException if a layer uses an activation that has no mapping, naming the layer
   */
  public static byte[] convert(TfjsModel model, boolean reverseSpatialAxes) throws IOException {
    OnnxGraphBuilder graph = new OnnxGraphBuilder("tfjs-import");
    String current = graph.input("input", -1, model.inputChannels(), -1, -1, -1);
    int index = 0;
    for (TfjsLayer layer : model.layers()) {
      String prefix = "l" + index++ + "_";
      if (layer instanceof TfjsLayer.Conv3D conv) {
        current = convolution(graph, conv, current, prefix, reverseSpatialAxes);
        if (conv.name().endsWith("_gn")) {
          String scale = graph.initializer(prefix + "gn_scale", filled(conv.filters(), 1f), conv.filters());
          String shift = graph.initializer(prefix + "gn_shift", new float[conv.filters()], conv.filters());
          current = graph.node("InstanceNormalization", prefix + "gn", new String[] {current, scale, shift},
              OnnxGraphBuilder.floating("epsilon", 1e-5f));
        }
        current = activation(graph, conv.activation(), current, prefix + "act", model, conv.name());
      } else if (layer instanceof TfjsLayer.Activation act) {
        current = activation(graph, act.activation(), current, prefix + "act", model, act.name());
      }
    }
    graph.node("Identity", "output", new String[] {current});
    graph.output("output", -1, model.outputChannels(), -1, -1, -1);
    return graph.build(OPSET, "brats-ensemble tfjs importer");
  }

  private static String convolution(OnnxGraphBuilder graph, TfjsLayer.Conv3D conv, String input, String prefix,
      boolean reverse) {
    int[] k = conv.kernelSize();
    int in = conv.inChannels();
    int out = conv.filters();
    // ONNX spatial axis s reads tfjs axis a(s): a = s, or 2 - s on reversed axes.
    int[] axis = reverse ? new int[] {2, 1, 0} : new int[] {0, 1, 2};
    int[] onnxK = {k[axis[0]], k[axis[1]], k[axis[2]]};
    float[] weights = new float[out * in * k[0] * k[1] * k[2]];
    int[] tf = new int[3];
    int w = 0;
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        for (int s0 = 0; s0 < onnxK[0]; s0++) {
          for (int s1 = 0; s1 < onnxK[1]; s1++) {
            for (int s2 = 0; s2 < onnxK[2]; s2++) {
              tf[axis[0]] = s0;
              tf[axis[1]] = s1;
              tf[axis[2]] = s2;
              int source = (((tf[0] * k[1] + tf[1]) * k[2] + tf[2]) * in + i) * out + o;
              weights[w++] = conv.kernel()[source];
            }
          }
        }
      }
    }
    String kernel = graph.initializer(prefix + "kernel", weights, out, in, onnxK[0], onnxK[1], onnxK[2]);
    String[] inputs = conv.bias() == null
        ? new String[] {input, kernel}
        : new String[] {input, kernel, graph.initializer(prefix + "bias", conv.bias(), out)};

    long[] dilations = new long[3];
    long[] strides = new long[3];
    long[] pads = new long[6];
    boolean unitStride = true;
    for (int s = 0; s < 3; s++) {
      int a = axis[s];
      dilations[s] = conv.dilation()[a];
      strides[s] = conv.strides()[a];
      unitStride &= strides[s] == 1;
      if (conv.samePadding()) {
        long total = (long) (k[a] - 1) * conv.dilation()[a];
        pads[s] = total / 2;
        pads[s + 3] = total - total / 2;
      }
    }
    if (conv.samePadding() && !unitStride) {
      return graph.node("Conv", prefix + "conv", inputs,
          OnnxGraphBuilder.ints("kernel_shape", onnxK[0], onnxK[1], onnxK[2]),
          OnnxGraphBuilder.ints("dilations", dilations), OnnxGraphBuilder.ints("strides", strides),
          OnnxGraphBuilder.string("auto_pad", "SAME_UPPER"));
    }
    return graph.node("Conv", prefix + "conv", inputs,
        OnnxGraphBuilder.ints("kernel_shape", onnxK[0], onnxK[1], onnxK[2]),
        OnnxGraphBuilder.ints("dilations", dilations), OnnxGraphBuilder.ints("strides", strides),
        OnnxGraphBuilder.ints("pads", pads));
  }

  private static String activation(OnnxGraphBuilder graph, String name, String input, String output, TfjsModel model,
      String layer) throws IOException {
    return switch (name) {
      case "linear" -> input;
      case "relu" -> graph.node("Relu", output, new String[] {input});
      case "elu" -> graph.node("Elu", output, new String[] {input}, OnnxGraphBuilder.floating("alpha", 1f));
      case "sigmoid" -> graph.node("Sigmoid", output, new String[] {input});
      case "tanh" -> graph.node("Tanh", output, new String[] {input});
      case "softmax" -> graph.node("Softmax", output, new String[] {input}, OnnxGraphBuilder.integer("axis", 1));
      case "gelu" -> {
        String sqrt2 = graph.scalar(output + "_sqrt2", (float) Math.sqrt(2));
        String one = graph.scalar(output + "_one", 1f);
        String half = graph.scalar(output + "_half", 0.5f);
        String scaled = graph.node("Div", output + "_div", new String[] {input, sqrt2});
        String erf = graph.node("Erf", output + "_erf", new String[] {scaled});
        String plusOne = graph.node("Add", output + "_add", new String[] {erf, one});
        String product = graph.node("Mul", output + "_mul", new String[] {input, plusOne});
        yield graph.node("Mul", output, new String[] {product, half});
      }
      default -> throw new IOException(model.source() + ": layer " + layer + " uses activation '" + name
          + "'; supported are linear, relu, elu, gelu, sigmoid, tanh and softmax");
    };
  }

  private static float[] filled(int n, float value) {
    float[] values = new float[n];
    java.util.Arrays.fill(values, value);
    return values;
  }
}
