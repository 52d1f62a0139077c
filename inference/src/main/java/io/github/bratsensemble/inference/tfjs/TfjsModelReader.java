package io.github.bratsensemble.inference.tfjs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TensorFlow.js layers model ({@code model.json} plus the binary weight files its
 * {@code weightsManifest} lists) whose layers form a single chain of InputLayer, Conv3D and
 * Activation layers, as brainchop's MeshNet models do.
 *
 * <p>Weights are little-endian float32, stored back to back in the order of the manifest, across
 * the manifest's files concatenated in order; a weight named {@code <layer>/kernel} or
 * {@code <layer>/bias} belongs to that layer. Every problem is reported as an {@link IOException}
 * naming the file and the offending field.
 */
public final class TfjsModelReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TfjsModelReader() {}

  /** Reads {@code model.json} in {@code directory}, or the given JSON file. */
  public static TfjsModel read(Path directoryOrJson) throws IOException {
    Path json = modelJson(directoryOrJson);
    JsonNode root;
    try {
      root = JSON.readTree(json.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new NoSuchFileException(json.toString(), null, "TensorFlow.js model.json not found");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IOException(json + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (!"layers-model".equals(root.path("format").asText("layers-model"))) {
      throw new IOException(json + ": format is '" + root.path("format").asText()
          + "'; only TensorFlow.js layers models (format layers-model) are supported");
    }
    JsonNode config = root.path("modelTopology").path("model_config");
    if (config.isMissingNode()) {
      config = root.path("modelTopology");
    }
    JsonNode layerList = config.path("config").isArray() ? config.path("config") : config.path("config").path("layers");
    if (!layerList.isArray() || layerList.isEmpty()) {
      throw new IOException(json + ": modelTopology.model_config.config.layers is missing or empty");
    }
    Map<String, float[]> weights = readWeights(json, root.path("weightsManifest"));

    List<TfjsLayer> layers = new ArrayList<>();
    int[] inputShape = null;
    int channels = -1;
    String previous = null;
    for (JsonNode layer : layerList) {
      String type = layer.path("class_name").asText();
      JsonNode c = layer.path("config");
      String name = c.path("name").asText(layer.path("name").asText());
      checkChain(json, layer, name, previous);
      switch (type) {
        case "InputLayer" -> {
          inputShape = ints(json, c.path("batch_input_shape"), name + ".batch_input_shape", 5, true);
          channels = inputShape[4];
        }
        case "Conv3D" -> {
          if (channels < 1) {
            throw new IOException(json + ": layer " + name + " comes before the input layer's channel count is known");
          }
          TfjsLayer.Conv3D conv = conv3d(json, c, name, channels, weights);
          layers.add(conv);
          channels = conv.filters();
        }
        case "Activation" -> layers.add(new TfjsLayer.Activation(name, c.path("activation").asText()));
        default -> throw new IOException(json + ": layer " + name + " has class " + type
            + "; only InputLayer, Conv3D and Activation are supported");
      }
      previous = name;
    }
    if (inputShape == null) {
      throw new IOException(json + ": the model has no InputLayer with batch_input_shape");
    }
    return new TfjsModel(json, inputShape, layers);
  }

  /** Returns the given path if it names a {@code .json} file, else its {@code model.json} child. */
  static Path modelJson(Path directoryOrJson) {
    boolean isJson = !Files.isDirectory(directoryOrJson) && directoryOrJson.getFileName().toString().endsWith(".json");
    return isJson ? directoryOrJson : directoryOrJson.resolve("model.json");
  }

  private static void checkChain(Path json, JsonNode layer, String name, String previous) throws IOException {
    JsonNode inbound = layer.path("inbound_nodes");
    if (previous == null || !inbound.isArray() || inbound.isEmpty()) {
      return;
    }
    String source = inbound.path(0).path(0).path(0).asText();
    if (inbound.size() != 1 || inbound.path(0).size() != 1 || !source.equals(previous)) {
      throw new IOException(json + ": layer " + name + " reads from " + inbound
          + "; only a single chain of layers (each reading the previous one) is supported");
    }
  }

  private static TfjsLayer.Conv3D conv3d(Path json, JsonNode c, String name, int inChannels, Map<String, float[]> weights)
      throws IOException {
    if (!"channels_last".equals(c.path("data_format").asText("channels_last"))) {
      throw new IOException(json + ": layer " + name + " has data_format " + c.path("data_format").asText()
          + "; only channels_last is supported");
    }
    int filters = c.path("filters").asInt(-1);
    int[] kernelSize = ints(json, c.path("kernel_size"), name + ".kernel_size", 3, false);
    int[] strides = c.has("strides") ? ints(json, c.path("strides"), name + ".strides", 3, false) : new int[] {1, 1, 1};
    int[] dilation = c.has("dilation_rate") ? ints(json, c.path("dilation_rate"), name + ".dilation_rate", 3, false)
        : new int[] {1, 1, 1};
    String padding = c.path("padding").asText("valid");
    if (!padding.equals("same") && !padding.equals("valid")) {
      throw new IOException(json + ": layer " + name + " has padding " + padding + "; same or valid is required");
    }
    float[] kernel = weights.get(name + "/kernel");
    long expected = (long) kernelSize[0] * kernelSize[1] * kernelSize[2] * inChannels * filters;
    if (kernel == null || kernel.length != expected) {
      throw new IOException(json + ": weight " + name + "/kernel has " + (kernel == null ? "no entry" : kernel.length + " values")
          + " but kernel " + kernelSize[0] + "x" + kernelSize[1] + "x" + kernelSize[2] + " with " + inChannels
          + " input and " + filters + " output channels needs " + expected);
    }
    float[] bias = null;
    if (c.path("use_bias").asBoolean(true)) {
      bias = weights.get(name + "/bias");
      if (bias == null || bias.length != filters) {
        throw new IOException(json + ": weight " + name + "/bias has " + (bias == null ? "no entry" : bias.length + " values")
            + " but the layer has " + filters + " filters");
      }
    }
    return new TfjsLayer.Conv3D(name, filters, inChannels, kernelSize, strides, dilation, padding.equals("same"),
        c.path("activation").asText("linear"), kernel, bias);
  }

  private static int[] ints(Path json, JsonNode node, String field, int length, boolean allowNull) throws IOException {
    if (!node.isArray() || node.size() != length) {
      throw new IOException(json + ": " + field + " must be a list of " + length + " values but was " + node);
    }
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      JsonNode v = node.get(i);
      if (v.isNull() && allowNull) {
        values[i] = -1;
      } else if (v.isInt()) {
        values[i] = v.asInt();
      } else {
        throw new IOException(json + ": " + field + " must hold integers but was " + node);
      }
    }
    return values;
  }

  private static Map<String, float[]> readWeights(Path json, JsonNode manifest) throws IOException {
    if (!manifest.isArray()) {
      throw new IOException(json + ": weightsManifest is missing");
    }
    Map<String, float[]> weights = new HashMap<>();
    for (JsonNode group : manifest) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (JsonNode path : group.path("paths")) {
        Path file = json.resolveSibling(path.asText());
        if (!Files.isRegularFile(file)) {
          throw new NoSuchFileException(file.toString(), null, "weight file listed in " + json.getFileName() + " not found");
        }
        bytes.write(Files.readAllBytes(file));
      }
      ByteBuffer data = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode entry : group.path("weights")) {
        String name = entry.path("name").asText();
        String dtype = entry.path("dtype").asText();
        if (!dtype.equals("float32") || entry.has("quantization")) {
          throw new IOException(json + ": weight " + name + " is " + dtype + (entry.has("quantization") ? " (quantized)" : "")
              + "; only unquantized float32 weights are supported");
        }
        long count = 1;
        for (JsonNode d : entry.path("shape")) {
          count *= d.asLong();
        }
        if (count * Float.BYTES > data.remaining()) {
          throw new IOException(json + ": weight " + name + " needs " + count * Float.BYTES + " bytes but the weight files of its group "
              + group.path("paths") + " have only " + data.remaining() + " left");
        }
        float[] values = new float[(int) count];
        data.asFloatBuffer().get(values);
        data.position(data.position() + values.length * Float.BYTES);
        weights.put(name, values);
      }
      if (data.remaining() != 0) {
        throw new IOException(json + ": the weight files " + group.path("paths") + " have " + data.remaining()
            + " bytes more than the manifest describes");
      }
    }
    return weights;
  }
}
