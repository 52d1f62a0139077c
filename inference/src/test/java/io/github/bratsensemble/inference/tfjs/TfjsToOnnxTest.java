package io.github.bratsensemble.inference.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsToOnnxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int D = 5;
  private static final int H = 6;
  private static final int W = 7;

  @TempDir
  Path dir;

  /** A layer of the synthetic test model. */
  private record Conv(String name, int in, int out, int[] kernel, int[] dilation, String activation, boolean bias,
      float[] weights, float[] biases) {}

  @Test
  void importMatchesReferenceConvolution() throws IOException {
    List<Conv> convs = twoLayerModel(false);
    writeModel(convs, "elu");
    float[] input = random(D * H * W * 2, 5);

    float[] expected = reference(convs, "elu", input);

    float[] actual = runImported(false, input, 2);
    assertArrayEquals(expected, actual, 1e-4f);
  }

  @Test
  void reversedAxesMatchReference() throws IOException {
    List<Conv> convs = twoLayerModel(true);
    writeModel(convs, "relu");
    float[] input = random(D * H * W * 2, 6);

    float[] expected = reference(convs, "relu", input);

    float[] actual = runImported(true, input, 2);
    assertArrayEquals(expected, actual, 1e-4f);
  }

  @Test
  void unsupportedLayerIsNamed() throws IOException {
    writeModel(twoLayerModel(false), "elu");
    String json = Files.readString(dir.resolve("model.json")).replace("\"Activation\"", "\"BatchNormalization\"");
    Files.writeString(dir.resolve("model.json"), json);

    IOException e = assertThrows(IOException.class, () -> TfjsModelReader.read(dir));

    assertEquals(dir.resolve("model.json") + ": layer act has class BatchNormalization; only InputLayer, Conv3D and"
        + " Activation are supported", e.getMessage());
  }

  @Test
  void corruptJsonNamesPosition() throws IOException {
    Path json = dir.resolve("model.json");
    Files.writeString(json, "{not json");

    IOException e = assertThrows(IOException.class, () -> TfjsModelReader.read(dir));

    assertEquals(json + " is not valid JSON at line 1, column 2: Unexpected character ('n' (code 110)): was expecting"
        + " double-quote to start field name", e.getMessage());
  }

  @Test
  void truncatedWeightsAreRejected() throws IOException {
    writeModel(twoLayerModel(false), "elu");
    byte[] bin = Files.readAllBytes(dir.resolve("model.bin"));
    Files.write(dir.resolve("model.bin"), java.util.Arrays.copyOf(bin, bin.length - 8));

    IOException e = assertThrows(IOException.class, () -> TfjsModelReader.read(dir));

    assertEquals(dir.resolve("model.json") + ": weight output/bias needs 8 bytes but the weight files of its group"
        + " [\"model.bin\"] have only 0 left", e.getMessage());
  }

  @Test
  void unknownActivationIsNamed() throws IOException {
    writeModel(twoLayerModel(false), "swish");

    IOException e = assertThrows(IOException.class,
        () -> TfjsToOnnx.convert(TfjsModelReader.read(dir), false));

    assertEquals(dir.resolve("model.json") + ": layer act uses activation 'swish'; supported are linear, relu, elu,"
        + " gelu, sigmoid, tanh and softmax", e.getMessage());
  }

  @Test
  void cachedConversionIsReused() throws IOException {
    writeModel(twoLayerModel(false), "elu");
    Path cache = dir.resolve("cache");

    Path first = TfjsImporter.convertCached(dir, cache, true);
    long modified = Files.getLastModifiedTime(first).toMillis();
    Path second = TfjsImporter.convertCached(dir, cache, true);
    Path other = TfjsImporter.convertCached(dir, cache, false);

    assertEquals(first, second);
    assertEquals(modified, Files.getLastModifiedTime(second).toMillis());
    assertEquals(2, Files.list(cache).count(), "one file per axis option: " + other);
  }

  private float[] runImported(boolean reverse, float[] channelsLast, int outChannels) throws IOException {
    byte[] onnx = TfjsToOnnx.convert(TfjsModelReader.read(dir), reverse);
    int inChannels = channelsLast.length / (D * H * W);
    float[] input = new float[channelsLast.length];
    long[] shape = reverse ? new long[] {1, inChannels, W, H, D} : new long[] {1, inChannels, D, H, W};
    for (int d = 0; d < D; d++) {
      for (int h = 0; h < H; h++) {
        for (int w = 0; w < W; w++) {
          for (int c = 0; c < inChannels; c++) {
            input[channelFirst(reverse, c, d, h, w)] = channelsLast[((d * H + h) * W + w) * inChannels + c];
          }
        }
      }
    }
    try (OnnxModel model = OnnxModel.load(onnx, "imported", ExecutionOptions.cpu(1))) {
      Tensor out = model.run(input, shape);
      float[] back = new float[out.data().length];
      for (int d = 0; d < D; d++) {
        for (int h = 0; h < H; h++) {
          for (int w = 0; w < W; w++) {
            for (int c = 0; c < outChannels; c++) {
              back[((d * H + h) * W + w) * outChannels + c] = out.data()[channelFirst(reverse, c, d, h, w)];
            }
          }
        }
      }
      return back;
    }
  }

  private static int channelFirst(boolean reverse, int c, int d, int h, int w) {
    return reverse ? ((c * W + w) * H + h) * D + d : ((c * D + d) * H + h) * W + w;
  }

  /** Conv (gelu, instance norm when named _gn) -> activation layer -> 1x1x1 conv with bias. */
  private static List<Conv> twoLayerModel(boolean groupNorm) {
    Random random = new Random(42);
    List<Conv> convs = new ArrayList<>();
    int[] kernel = {3, 2, 3};
    convs.add(new Conv(groupNorm ? "c0_gn" : "c0", 2, 3, kernel, new int[] {2, 1, 3}, "gelu", false,
        gaussian(random, 3 * 2 * 3 * 2 * 3), null));
    convs.add(new Conv("output", 3, 2, new int[] {1, 1, 1}, new int[] {1, 1, 1}, "linear", true,
        gaussian(random, 3 * 2), gaussian(random, 2)));
    return convs;
  }

  private void writeModel(List<Conv> convs, String activation) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "layers-model");
    ObjectNode config = root.putObject("modelTopology").putObject("model_config");
    config.put("class_name", "Functional");
    ArrayNode layers = config.putObject("config").putArray("layers");
    ObjectNode input = layers.addObject();
    input.put("class_name", "InputLayer");
    input.putObject("config").put("name", "input").putArray("batch_input_shape").addNull().add(D).add(H).add(W)
        .add(convs.get(0).in());
    String previous = "input";
    ArrayNode weights = JSON.createArrayNode();
    ByteBuffer bin = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < convs.size(); i++) {
      Conv conv = convs.get(i);
      previous = addLayer(layers, "Conv3D", conv.name(), previous, c -> {
        c.put("filters", conv.out());
        c.putArray("kernel_size").add(conv.kernel()[0]).add(conv.kernel()[1]).add(conv.kernel()[2]);
        c.putArray("strides").add(1).add(1).add(1);
        c.putArray("dilation_rate").add(conv.dilation()[0]).add(conv.dilation()[1]).add(conv.dilation()[2]);
        c.put("padding", "same");
        c.put("data_format", "channels_last");
        c.put("activation", conv.activation());
        c.put("use_bias", conv.bias());
      });
      addWeight(weights, bin, conv.name() + "/kernel", conv.weights(),
          conv.kernel()[0], conv.kernel()[1], conv.kernel()[2], conv.in(), conv.out());
      if (conv.bias()) {
        addWeight(weights, bin, conv.name() + "/bias", conv.biases(), conv.out());
      }
      if (i == 0) {
        previous = addLayer(layers, "Activation", "act", previous, c -> c.put("activation", activation));
      }
    }
    ObjectNode group = root.putArray("weightsManifest").addObject();
    group.putArray("paths").add("model.bin");
    group.set("weights", weights);
    Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(root));
    Files.write(dir.resolve("model.bin"), java.util.Arrays.copyOf(bin.array(), bin.position()));
  }

  private static String addLayer(ArrayNode layers, String type, String name, String previous,
      java.util.function.Consumer<ObjectNode> fill) {
    ObjectNode layer = layers.addObject();
    layer.put("class_name", type);
    layer.put("name", name);
    ObjectNode config = layer.putObject("config");
    config.put("name", name);
    fill.accept(config);
    layer.putArray("inbound_nodes").addArray().addArray().add(previous).add(0).add(0).addObject();
    return name;
  }

  private static void addWeight(ArrayNode weights, ByteBuffer bin, String name, float[] values, int... shape) {
    ObjectNode entry = weights.addObject();
    entry.put("name", name);
    ArrayNode dims = entry.putArray("shape");
    for (int s : shape) {
      dims.add(s);
    }
    entry.put("dtype", "float32");
    for (float v : values) {
      bin.putFloat(v);
    }
  }

  /** Direct evaluation in tfjs layout [D, H, W, C]. */
  private static float[] reference(List<Conv> convs, String activation, float[] input) {
    float[] x = input;
    for (int i = 0; i < convs.size(); i++) {
      Conv conv = convs.get(i);
      x = conv3d(conv, x);
      if (conv.name().endsWith("_gn")) {
        instanceNorm(x, conv.out());
      }
      apply(conv.activation(), x);
      if (i == 0) {
        apply(activation, x);
      }
    }
    return x;
  }

  private static float[] conv3d(Conv conv, float[] x) {
    int[] k = conv.kernel();
    int[] dil = conv.dilation();
    int[] pad = new int[3];
    for (int a = 0; a < 3; a++) {
      pad[a] = (k[a] - 1) * dil[a] / 2;
    }
    float[] out = new float[D * H * W * conv.out()];
    for (int d = 0; d < D; d++) {
      for (int h = 0; h < H; h++) {
        for (int w = 0; w < W; w++) {
          for (int o = 0; o < conv.out(); o++) {
            double sum = conv.bias() ? conv.biases()[o] : 0;
            for (int a = 0; a < k[0]; a++) {
              for (int b = 0; b < k[1]; b++) {
                for (int c = 0; c < k[2]; c++) {
                  int sd = d + a * dil[0] - pad[0];
                  int sh = h + b * dil[1] - pad[1];
                  int sw = w + c * dil[2] - pad[2];
                  if (sd < 0 || sh < 0 || sw < 0 || sd >= D || sh >= H || sw >= W) {
                    continue;
                  }
                  for (int i = 0; i < conv.in(); i++) {
                    sum += conv.weights()[(((a * k[1] + b) * k[2] + c) * conv.in() + i) * conv.out() + o]
                        * x[((sd * H + sh) * W + sw) * conv.in() + i];
                  }
                }
              }
            }
            out[((d * H + h) * W + w) * conv.out() + o] = (float) sum;
          }
        }
      }
    }
    return out;
  }

  private static void instanceNorm(float[] x, int channels) {
    int voxels = x.length / channels;
    for (int c = 0; c < channels; c++) {
      double mean = 0;
      for (int v = 0; v < voxels; v++) {
        mean += x[v * channels + c];
      }
      mean /= voxels;
      double variance = 0;
      for (int v = 0; v < voxels; v++) {
        double dev = x[v * channels + c] - mean;
        variance += dev * dev;
      }
      variance /= voxels;
      for (int v = 0; v < voxels; v++) {
        x[v * channels + c] = (float) ((x[v * channels + c] - mean) / Math.sqrt(variance + 1e-5));
      }
    }
  }

  private static void apply(String activation, float[] x) {
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      x[i] = (float) switch (activation) {
        case "relu" -> Math.max(0, v);
        case "elu" -> v > 0 ? v : Math.exp(v) - 1;
        case "gelu" -> 0.5 * v * (1 + erf(v / Math.sqrt(2)));
        default -> v;
      };
    }
  }

  /** erf by its Maclaurin series, accurate to about 1e-12 for |x| < 4 and clamped beyond. */
  private static double erf(double x) {
    if (Math.abs(x) > 4) {
      return Math.signum(x);
    }
    double sum = 0;
    double term = x;
    for (int n = 0; n < 100; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  private static float[] gaussian(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static float[] random(int n, long seed) {
    return gaussian(new Random(seed), n);
  }
}
