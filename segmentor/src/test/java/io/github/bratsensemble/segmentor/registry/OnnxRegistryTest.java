package io.github.bratsensemble.segmentor.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.inference.segment.Normalization;
import io.github.bratsensemble.inference.segment.OutputDecoding;
import io.github.bratsensemble.inference.window.Blending;
import io.github.bratsensemble.inference.window.WindowSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and validation of {@code onnx} registry entries. */
class OnnxRegistryTest {
  private static final Path FILE = Path.of("/registries/algorithms.json");
  private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static String registry(String labels, String fields) {
    return "{\"algorithms\": [{\"id\": \"net\", \"name\": \"Net\", \"authors\": [\"A. Author\"], \"citation\": \"\","
        + " \"year\": 2024, \"task\": \"glioma\", \"kind\": \"onnx\", \"labels\": \"" + labels + "\","
        + " \"enabled\": true" + fields + "}]}";
  }

  private static AlgorithmDescriptor parse(String labels, String fields) throws RegistryException {
    return AlgorithmRegistry.parse(FILE, registry(labels, fields)).get("net");
  }

  private static List<String> problems(String fields) {
    return assertThrows(RegistryException.class, () -> AlgorithmRegistry.parse(FILE, registry("brats2023", fields)))
        .problems();
  }

  @Test
  void minimalEntryGetsDefaults() throws Exception {
    AlgorithmDescriptor d = parse("brats2023", ", \"model\": \"models/net.onnx\"");
    assertEquals(GpuRequirement.OPTIONAL, d.gpu());
    assertEquals("models/net.onnx", d.target());
    OnnxSettings s = d.onnx();
    assertEquals("/registries/models/net.onnx", s.model().location());
    assertNull(s.model().sha256());
    assertEquals(List.of(Modality.T1, Modality.T1C, Modality.T2, Modality.FLAIR), s.inputs());
    assertInstanceOf(Normalization.ZScoreBrain.class, s.normalization());
    WindowSettings window = s.window();
    assertNull(window.patchSize());
    assertEquals(0.5, window.overlap());
    assertEquals(Blending.GAUSSIAN, window.blending());
    assertEquals(1, window.batchSize());
    assertArrayEquals(new int[0], window.mirrorAxes());
    OutputDecoding.Softmax softmax = assertInstanceOf(OutputDecoding.Softmax.class, s.output());
    assertArrayEquals(new int[] {0, 1, 2, 3}, softmax.channelLabels());
    assertEquals(0, s.intraOpThreads());
  }

  @Test
  void fullEntryParsed() throws Exception {
    AlgorithmDescriptor d = parse("brats2021", ", \"gpu\": \"required\", \"model\": \"https://example.org/m/net.onnx\","
        + " \"sha256\": \"" + SHA.toUpperCase() + "\", \"inputs\": [\"flair\", \"t1c\"],"
        + " \"normalization\": {\"method\": \"percentile\", \"low\": 1, \"high\": 99},"
        + " \"patchSize\": [128, 96, 64], \"overlap\": 0.25, \"blending\": \"constant\", \"batchSize\": 2,"
        + " \"mirrorAxes\": [2, 0], \"output\": {\"activation\": \"sigmoid-regions\", \"threshold\": 0.4},"
        + " \"threads\": 3");
    assertEquals(GpuRequirement.REQUIRED, d.gpu());
    OnnxSettings s = d.onnx();
    assertEquals("https://example.org/m/net.onnx", s.model().location());
    assertEquals(SHA, s.model().sha256());
    assertEquals(List.of(Modality.FLAIR, Modality.T1C), s.inputs());
    assertEquals(new Normalization.Percentile(1, 99), s.normalization());
    assertArrayEquals(new int[] {128, 96, 64}, s.window().patchSize());
    assertEquals(0.25, s.window().overlap());
    assertEquals(Blending.CONSTANT, s.window().blending());
    assertEquals(2, s.window().batchSize());
    assertArrayEquals(new int[] {2, 0}, s.window().mirrorAxes());
    assertEquals(new OutputDecoding.SigmoidRegions(0.4f, 2, 1, 4), s.output());
    assertEquals(3, s.intraOpThreads());
  }

  @Test
  void shortFormsParsed() throws Exception {
    OnnxSettings s = parse("brats2023", ", \"model\": \"/abs/net.onnx\", \"normalization\": \"minmax\","
        + " \"patchSize\": 64, \"output\": {\"activation\": \"softmax\", \"channelLabels\": [0, 2, 1, 3, 3]}").onnx();
    assertEquals("/abs/net.onnx", s.model().location());
    assertInstanceOf(Normalization.MinMax.class, s.normalization());
    assertArrayEquals(new int[] {64, 64, 64}, s.window().patchSize());
    assertArrayEquals(new int[] {0, 2, 1, 3, 3}, ((OutputDecoding.Softmax) s.output()).channelLabels());
    assertNull(parse("brats2023", ", \"model\": \"n.onnx\", \"patchSize\": \"whole\"").onnx().window().patchSize());
    assertInstanceOf(Normalization.Percentile.class,
        parse("brats2023", ", \"model\": \"n.onnx\", \"normalization\": \"percentile\"").onnx().normalization());
    assertEquals(new Normalization.Percentile(0.5, 99.5),
        parse("brats2023", ", \"model\": \"n.onnx\", \"normalization\": \"percentile\"").onnx().normalization());
  }

  @Test
  void everyBadFieldReported() {
    List<String> problems = problems(", \"model\": \"https://example.org/net.onnx\", \"sha256\": \"abc\","
        + " \"inputs\": [\"t1\", \"pd\"], \"normalization\": \"histogram\", \"patchSize\": [64, 0, 64],"
        + " \"overlap\": 1.0, \"blending\": \"linear\", \"batchSize\": -1, \"mirrorAxes\": [0, 0],"
        + " \"output\": {\"activation\": \"softmax\", \"channelLabels\": [0, 4]}, \"threads\": \"many\","
        + " \"weights\": \"w.bin\"");
    assertEquals(List.of(
        "$.algorithms[0].weights: unknown field",
        "$.algorithms[0].sha256: must be a SHA-256 digest of 64 hex digits but was \"abc\"",
        "$.algorithms[0].inputs[1]: must be one of t1, t1c, t2, flair but was \"pd\"",
        "$.algorithms[0].normalization: must be one of [zscore-brain, percentile, minmax, none] but was \"histogram\"",
        "$.algorithms[0].patchSize[1]: must be a positive integer but was 0",
        "$.algorithms[0].overlap: must be a number in [0, 1) but was 1.0",
        "$.algorithms[0].blending: must be one of [gaussian, constant] but was \"linear\"",
        "$.algorithms[0].batchSize: must be an integer of 0 or more but was -1",
        "$.algorithms[0].mirrorAxes[1]: must be a distinct axis 0 (x), 1 (y) or 2 (z) but was 0",
        "$.algorithms[0].output.channelLabels[1]: must be a label of the brats2023 convention [0, 1, 2, 3] but was 4",
        "$.algorithms[0].threads: must be an integer of 0 or more but was \"many\""), problems);
  }

  @Test
  void modelProblemsReported() {
    assertEquals(List.of("$.algorithms[0].model: is missing"), problems(""));
    assertEquals(List.of("$.algorithms[0].sha256: is missing; a model URL needs the SHA-256 of the file to check"
        + " the download"), problems(", \"model\": \"https://example.org/net.onnx\""));
    assertEquals(List.of("$.algorithms[0].model: must be a file path or an http(s) URL but was 5"),
        problems(", \"model\": 5"));
  }

  @Test
  void outputProblemsReported() {
    assertEquals(List.of("$.algorithms[0].output.activation: must be one of [softmax, sigmoid-regions] but was \"relu\""),
        problems(", \"model\": \"n.onnx\", \"output\": {\"activation\": \"relu\"}"));
    assertEquals(List.of("$.algorithms[0].output.threshold: must be a number in (0, 1) but was 1.5"),
        problems(", \"model\": \"n.onnx\", \"output\": {\"activation\": \"sigmoid-regions\", \"threshold\": 1.5}"));
    assertEquals(List.of("$.algorithms[0].output.channelLabels: must be an array with the label of each output"
        + " channel (at least 2) but was [0]"),
        problems(", \"model\": \"n.onnx\", \"output\": {\"activation\": \"softmax\", \"channelLabels\": [0]}"));
    assertEquals(List.of("$.algorithms[0].output.bias: unknown field"),
        problems(", \"model\": \"n.onnx\", \"output\": {\"activation\": \"softmax\", \"bias\": 1}"));
    assertEquals(List.of("$.algorithms[0].normalization: percentiles must satisfy 0 <= low < high <= 100 but were"
        + " 99.0 and 1.0"),
        problems(", \"model\": \"n.onnx\", \"normalization\": {\"method\": \"percentile\", \"low\": 99, \"high\": 1}"));
  }

  @Test
  void onnxFieldsRejectedOnOtherKinds() {
    String json = registry("brats2023", ", \"algorithm\": \"gmm\", \"inputs\": [\"t1\"]").replace("\"onnx\"", "\"builtin\"")
        .replace("\"enabled\": true", "\"enabled\": true, \"gpu\": \"none\"");
    List<String> problems = assertThrows(RegistryException.class, () -> AlgorithmRegistry.parse(FILE, json)).problems();
    assertEquals(List.of("$.algorithms[0].inputs: unknown field"), problems);
  }
}
