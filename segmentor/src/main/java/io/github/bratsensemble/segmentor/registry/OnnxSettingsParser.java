package io.github.bratsensemble.segmentor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bratsensemble.inference.models.ModelSource;
import io.github.bratsensemble.inference.segment.Normalization;
import io.github.bratsensemble.inference.segment.OutputDecoding;
import io.github.bratsensemble.inference.window.Blending;
import io.github.bratsensemble.inference.window.WindowSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads the fields of an {@code onnx} registry entry. Problems go to a sink as (JSON path,
 * problem) pairs, so that {@link RegistryParser} reports them together with all others.
 */
final class OnnxSettingsParser {
  /** The fields an {@code onnx} entry may have besides the common ones. */
  static final Set<String> FIELDS = Set.of("model", "sha256", "inputs", "normalization", "patchSize", "overlap",
      "blending", "batchSize", "mirrorAxes", "output", "threads");

  private static final List<Modality> DEFAULT_INPUTS = List.of(Modality.T1, Modality.T1C, Modality.T2, Modality.FLAIR);
  private static final double DEFAULT_LOW_PERCENTILE = 0.5;
  private static final double DEFAULT_HIGH_PERCENTILE = 99.5;
  private static final double DEFAULT_OVERLAP = 0.5;
  private static final float DEFAULT_THRESHOLD = 0.5f;

  private final JsonNode entry;
  private final String path;
  private final BiConsumer<String, String> problems;
  private int problemCount;

  private OnnxSettingsParser(JsonNode entry, String path, BiConsumer<String, String> problems) {
    this.entry = entry;
    this.path = path;
    this.problems = problems;
  }

  /**
   * Returns the settings, or {@code null} when a field is invalid (each problem is reported).
   *
   * @param registryFile the registry file; relative model paths are resolved against its folder
   * @param labels the entry's label convention, or {@code null} when that field is invalid
   */
  static OnnxSettings parse(JsonNode entry, String path, Path registryFile, LabelConvention labels,
      BiConsumer<String, String> problems) {
    return new OnnxSettingsParser(entry, path, problems).parse(registryFile, labels);
  }

  private OnnxSettings parse(Path registryFile, LabelConvention labels) {
    ModelSource model = model(registryFile);
    List<Modality> inputs = inputs();
    Normalization normalization = normalization();
    WindowSettings window = window();
    OutputDecoding output = output(labels);
    int threads = nonNegativeInt("threads", 0);
    if (problemCount > 0 || labels == null) {
      return null;
    }
    return new OnnxSettings(model, inputs, normalization, window, output, threads);
  }

  private ModelSource model(Path registryFile) {
    JsonNode node = entry.get("model");
    JsonNode sha = entry.get("sha256");
    String sha256 = null;
    if (sha != null && (!sha.isTextual() || !sha.asText().matches("[0-9a-fA-F]{64}"))) {
      problem("sha256", "must be a SHA-256 digest of 64 hex digits but was " + sha);
    } else if (sha != null) {
      sha256 = sha.asText();
    }
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problem("model", node == null ? "is missing" : "must be a file path or an http(s) URL but was " + node);
      return null;
    }
    String location = node.asText();
    String lower = location.toLowerCase(Locale.ROOT);
    boolean remote = lower.startsWith("http://") || lower.startsWith("https://");
    if (remote && sha256 == null && sha == null) {
      problem("sha256", "is missing; a model URL needs the SHA-256 of the file to check the download");
      return null;
    }
    if (!remote) {
      Path folder = registryFile.toAbsolutePath().getParent();
      location = folder == null ? location : folder.resolve(location).normalize().toString();
    }
    return sha != null && sha256 == null ? null : new ModelSource(location, sha256);
  }

  private List<Modality> inputs() {
    JsonNode node = entry.get("inputs");
    if (node == null) {
      return DEFAULT_INPUTS;
    }
    List<Modality> inputs = new ArrayList<>();
    if (!node.isArray() || node.isEmpty()) {
      problem("inputs", "must be a non-empty array of t1, t1c, t2, flair but was " + node);
      return inputs;
    }
    for (int i = 0; i < node.size(); i++) {
      Modality modality = modality(node.get(i));
      if (modality == null) {
        problem("inputs[" + i + "]", "must be one of t1, t1c, t2, flair but was " + node.get(i));
      } else {
        inputs.add(modality);
      }
    }
    return inputs;
  }

  private static Modality modality(JsonNode node) {
    for (Modality m : Modality.values()) {
      if (node.isTextual() && m.key().equals(node.asText())) {
        return m;
      }
    }
    return null;
  }

  private Normalization normalization() {
    JsonNode node = entry.get("normalization");
    if (node == null) {
      return new Normalization.ZScoreBrain();
    }
    String field = "normalization";
    JsonNode method = node;
    if (node.isObject()) {
      field = "normalization.method";
      method = node.get("method");
      rejectUnknown(node, "normalization", Set.of("method", "low", "high"));
    }
    if (method == null || !method.isTextual()) {
      problem(field, method == null ? "is missing"
          : "must be zscore-brain, percentile, minmax or none, or an object with \"method\" but was " + method);
      return null;
    }
    switch (method.asText()) {
      case "zscore-brain":
        return new Normalization.ZScoreBrain();
      case "minmax":
        return new Normalization.MinMax();
      case "none":
        return new Normalization.None();
      case "percentile":
        double low = number(node, "normalization.low", "low", DEFAULT_LOW_PERCENTILE);
        double high = number(node, "normalization.high", "high", DEFAULT_HIGH_PERCENTILE);
        if (!(low >= 0 && low < high && high <= 100)) {
          problem("normalization", "percentiles must satisfy 0 <= low < high <= 100 but were " + low + " and " + high);
          return null;
        }
        return new Normalization.Percentile(low, high);
      default:
        problem(field, "must be one of [zscore-brain, percentile, minmax, none] but was \"" + method.asText() + "\"");
        return null;
    }
  }

  private WindowSettings window() {
    int[] patchSize = patchSize();
    double overlap = DEFAULT_OVERLAP;
    JsonNode overlapNode = entry.get("overlap");
    if (overlapNode != null && (!overlapNode.isNumber() || !(overlapNode.asDouble() >= 0 && overlapNode.asDouble() < 1))) {
      problem("overlap", "must be a number in [0, 1) but was " + overlapNode);
    } else if (overlapNode != null) {
      overlap = overlapNode.asDouble();
    }
    Blending blending = Blending.GAUSSIAN;
    JsonNode blendingNode = entry.get("blending");
    if (blendingNode != null) {
      String text = blendingNode.isTextual() ? blendingNode.asText() : "";
      switch (text) {
        case "gaussian" -> blending = Blending.GAUSSIAN;
        case "constant" -> blending = Blending.CONSTANT;
        default -> problem("blending", "must be one of [gaussian, constant] but was " + blendingNode);
      }
    }
    int batchSize = nonNegativeInt("batchSize", 1);
    if (batchSize == 0) {
      problem("batchSize", "must be at least 1 but was 0");
    }
    int[] mirrorAxes = mirrorAxes();
    if (problemCount > 0 || patchSize == INVALID) {
      return null;
    }
    return new WindowSettings(patchSize, overlap, blending, batchSize, mirrorAxes);
  }

  private static final int[] INVALID = new int[0];

  /** Returns (x, y, z) patch sizes, {@code null} for whole-volume inference, or {@link #INVALID}. */
  private int[] patchSize() {
    JsonNode node = entry.get("patchSize");
    if (node == null || (node.isTextual() && node.asText().equals("whole"))) {
      return null;
    }
    if (node.isIntegralNumber() && node.asInt() > 0) {
      return new int[] {node.asInt(), node.asInt(), node.asInt()};
    }
    if (node.isArray() && node.size() == 3) {
      int[] sizes = new int[3];
      for (int i = 0; i < 3; i++) {
        JsonNode size = node.get(i);
        if (!size.isIntegralNumber() || size.asInt() <= 0) {
          problem("patchSize[" + i + "]", "must be a positive integer but was " + size);
          return INVALID;
        }
        sizes[i] = size.asInt();
      }
      return sizes;
    }
    problem("patchSize", "must be \"whole\", a positive integer or an array of 3 positive integers (x, y, z) but was "
        + node);
    return INVALID;
  }

  private int[] mirrorAxes() {
    JsonNode node = entry.get("mirrorAxes");
    if (node == null) {
      return new int[0];
    }
    if (!node.isArray()) {
      problem("mirrorAxes", "must be an array of distinct axes 0 (x), 1 (y), 2 (z) but was " + node);
      return new int[0];
    }
    int[] axes = new int[node.size()];
    boolean[] seen = new boolean[3];
    for (int i = 0; i < node.size(); i++) {
      JsonNode axis = node.get(i);
      if (!axis.isIntegralNumber() || axis.asInt() < 0 || axis.asInt() > 2 || seen[axis.asInt()]) {
        problem("mirrorAxes[" + i + "]", "must be a distinct axis 0 (x), 1 (y) or 2 (z) but was " + axis);
        return new int[0];
      }
      seen[axis.asInt()] = true;
      axes[i] = axis.asInt();
    }
    return axes;
  }

  private OutputDecoding output(LabelConvention labels) {
    JsonNode node = entry.get("output");
    if (labels == null) {
      return null;
    }
    int[] conventionLabels = labels.labels();
    if (node == null) {
      return new OutputDecoding.Softmax(conventionLabels);
    }
    if (!node.isObject()) {
      problem("output", "must be an object with \"activation\" softmax or sigmoid-regions but was " + node);
      return null;
    }
    JsonNode activation = node.get("activation");
    String name = activation != null && activation.isTextual() ? activation.asText() : null;
    if ("softmax".equals(name)) {
      rejectUnknown(node, "output", Set.of("activation", "channelLabels"));
      return new OutputDecoding.Softmax(channelLabels(node.get("channelLabels"), labels));
    }
    if ("sigmoid-regions".equals(name)) {
      rejectUnknown(node, "output", Set.of("activation", "threshold"));
      double threshold = number(node, "output.threshold", "threshold", DEFAULT_THRESHOLD);
      if (!(threshold > 0 && threshold < 1)) {
        problem("output.threshold", "must be a number in (0, 1) but was " + node.get("threshold"));
        return null;
      }
      // Label values of the convention in the order background, NCR, ED, ET.
      return new OutputDecoding.SigmoidRegions((float) threshold, conventionLabels[2], conventionLabels[1],
          conventionLabels[3]);
    }
    problem("output.activation", activation == null ? "is missing"
        : "must be one of [softmax, sigmoid-regions] but was " + activation);
    return null;
  }

  private int[] channelLabels(JsonNode node, LabelConvention labels) {
    if (node == null) {
      return labels.labels();
    }
    if (!node.isArray() || node.size() < 2) {
      problem("output.channelLabels", "must be an array with the label of each output channel (at least 2) but was "
          + node);
      return labels.labels();
    }
    int[] result = new int[node.size()];
    for (int c = 0; c < node.size(); c++) {
      JsonNode label = node.get(c);
      if (!label.isIntegralNumber() || !labels.allows(label.asInt())) {
        problem("output.channelLabels[" + c + "]", "must be a label of the " + labels.jsonName() + " convention "
            + Arrays.toString(labels.labels()) + " but was " + label);
      } else {
        result[c] = label.asInt();
      }
    }
    return result;
  }

  private double number(JsonNode object, String field, String name, double fallback) {
    JsonNode node = object.isObject() ? object.get(name) : null;
    if (node == null) {
      return fallback;
    }
    if (!node.isNumber()) {
      problem(field, "must be a number but was " + node);
      return fallback;
    }
    return node.asDouble();
  }

  private int nonNegativeInt(String field, int fallback) {
    JsonNode node = entry.get(field);
    if (node == null) {
      return fallback;
    }
    if (!node.isIntegralNumber() || node.asInt() < 0) {
      problem(field, "must be an integer of 0 or more but was " + node);
      return fallback;
    }
    return node.asInt();
  }

  private void rejectUnknown(JsonNode object, String field, Set<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        problem(field + "." + name, "unknown field");
      }
    }
  }

  private void problem(String field, String description) {
    problemCount++;
    problems.accept(path + "." + field, description);
  }
}
