package io.github.bratsensemble.segmentor.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgorithmRegistryTest {
  private static final Path FILE = Path.of("algorithms.json");

  private static String entry(String fields) {
    return "{\"id\": \"algo\", \"name\": \"Algo\", \"authors\": [\"A. Author\"], \"citation\": \"doi:1\","
        + " \"year\": 2018, \"task\": \"glioma\", \"labels\": \"brats2021\", \"gpu\": \"required\","
        + " \"enabled\": false" + fields + "}";
  }

  private static String docker(String extra) {
    return entry(", \"kind\": \"docker\", \"image\": \"fabianisensee/isen2018\", \"input\": \"gz-b17-f\""
        + ", \"command\": \"python3.6 predict_patient.py\"" + extra);
  }

  private static List<String> problems(String json) {
    return assertThrows(RegistryException.class, () -> AlgorithmRegistry.parse(FILE, json)).problems();
  }

  @Test
  void dockerEntryWithDefaults() throws Exception {
    AlgorithmDescriptor d = AlgorithmRegistry.parse(FILE, "{\"algorithms\": [" + docker("") + "]}").get("algo");
    assertEquals(AlgorithmKind.DOCKER, d.kind());
    assertEquals(GpuRequirement.REQUIRED, d.gpu());
    assertEquals(LabelConvention.BRATS2021, d.labels());
    DockerSettings s = d.docker();
    assertEquals(InputConvention.GZ_B17_F, s.input());
    assertEquals(List.of("python3.6", "predict_patient.py"), s.command());
    assertEquals("/data", s.mountpoint());
    assertEquals(Duration.ofHours(1), s.timeout());
    assertEquals(0, s.shmSizeBytes());
    assertTrue(s.inputsReadOnly());
    assertEquals(List.of("tumor_algo_class.nii*", "tumor_*_class.nii*", "algo*.nii*", "*tumor*.nii*"),
        s.resolvedOutputPatterns("algo"));
  }

  @Test
  void dockerEntryWithAllFields() throws Exception {
    String json = "{\"algorithms\": [" + docker(", \"mountpoint\": \"/app/data/\", \"shmSize\": \"128G\","
        + " \"memoryLimit\": 1048576, \"requiresRoot\": true, \"readOnlyInputs\": false, \"timeout\": 900,"
        + " \"output\": [\"seg_{id}.nii.gz\"]") + "]}";
    DockerSettings s = AlgorithmRegistry.parse(FILE, json).get("algo").docker();
    assertEquals(128L << 30, s.shmSizeBytes());
    assertEquals(1048576, s.memoryLimitBytes());
    assertTrue(s.requiresRoot());
    assertEquals(false, s.inputsReadOnly());
    assertEquals(Duration.ofSeconds(900), s.timeout());
    assertEquals(List.of("seg_algo.nii.gz"), s.resolvedOutputPatterns("algo"));
    assertEquals("/app/data/results", s.input().outputMount(s.mountpoint()));
  }

  @Test
  void subjectFolderEntryDefaults() throws Exception {
    String json = "{\"algorithms\": [" + entry(", \"kind\": \"docker\", \"image\": \"x/y@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", \"input\": \"mlcube\","
        + " \"subject\": \"BraTS-MEN-00001-000\", \"suffixes\": {\"flair\": \"fla\"}") + "]}";
    DockerSettings s = AlgorithmRegistry.parse(FILE, json).get("algo").docker();
    assertEquals(List.of("infer", "--data_path=/mlcube_io0", "--output_path=/mlcube_io2"), s.effectiveCommand());
    assertEquals(List.of("BraTS-MEN-00001-000.nii*", "BraTS-MEN-00001-000*.nii*"), s.resolvedOutputPatterns("algo"));
    assertEquals("BraTS-MEN-00001-000-fla.nii.gz", s.subjectNaming().fileName(Modality.FLAIR));
    assertEquals("BraTS-MEN-00001-000-t1n.nii.gz", s.subjectNaming().fileName(Modality.T1));
  }

  @Test
  void builtinAndOnnxEntries() throws Exception {
    String json = "{\"algorithms\": [" + entry(", \"kind\": \"builtin\", \"algorithm\": \"gmm\"").replace("\"algo\"", "\"b\"")
        + ", " + entry(", \"kind\": \"onnx\", \"model\": \"models/net.onnx\"").replace("\"algo\"", "\"o\"") + "]}";
    AlgorithmRegistry registry = AlgorithmRegistry.parse(FILE, json);
    assertEquals("gmm", registry.get("b").target());
    assertEquals("models/net.onnx", registry.get("o").target());
  }

  @Test
  void everyProblemReportedWithPath() {
    String json = "{\"algorithms\": [{\"id\": \"Bad Id\", \"name\": 3, \"authors\": [], \"year\": 18,"
        + " \"task\": \"glioma\", \"kind\": \"docker\", \"labels\": \"brats2019\", \"gpu\": \"maybe\","
        + " \"enabled\": \"yes\", \"image\": \"a b\", \"input\": \"gz-b19\", \"shmSize\": \"lots\","
        + " \"timeout\": -1, \"colour\": \"red\"}]}";
    assertEquals(List.of(
        "$.algorithms[0].id: must match [a-z0-9][a-z0-9._-]* but was \"Bad Id\"",
        "$.algorithms[0].name: must be a string but was 3",
        "$.algorithms[0].authors: must be a non-empty array of names",
        "$.algorithms[0].citation: is missing",
        "$.algorithms[0].year: must be a year such as 2018 but was 18",
        "$.algorithms[0].labels: must be one of [brats2021, brats2023] but was \"brats2019\"",
        "$.algorithms[0].gpu: must be one of [required, optional, none] but was \"maybe\"",
        "$.algorithms[0].enabled: must be true or false but was \"yes\"",
        "$.algorithms[0].colour: unknown field",
        "$.algorithms[0].image: must be an image reference without spaces but was \"a b\"",
        "$.algorithms[0].input: must be one of [gz-b17, gz-b17-t1, gz-b17-f, b17, b17-t1, gz-b18, brats2023, mlcube]"
            + " but was \"gz-b19\"",
        "$.algorithms[0].shmSize: must be a byte count such as 2147483648, \"512m\" or \"2g\" but was \"lots\"",
        "$.algorithms[0].timeout: must be a positive number of seconds but was -1"),
        problems(json));
  }

  @Test
  void duplicateIdRejected() {
    String json = "{\"algorithms\": [" + docker("") + ", " + docker("") + "]}";
    assertEquals(List.of("$.algorithms[1].id: duplicate id \"algo\""), problems(json));
  }

  @Test
  void invalidJsonNamesLine() {
    RegistryException e = assertThrows(RegistryException.class,
        () -> AlgorithmRegistry.parse(FILE, "{\"algorithms\": [\n{\"id\": }]}"));
    assertTrue(e.getMessage().startsWith("algorithms.json: $: invalid JSON at line 2, column 8: "), e.getMessage());
  }

  @Test
  void unclosedObjectMessageOneLine() {
    RegistryException e = assertThrows(RegistryException.class,
        () -> AlgorithmRegistry.parse(FILE, "{\"algorithms\": [\n"));
    assertEquals("algorithms.json: $: invalid JSON at line 2, column 1: Unexpected end-of-input: expected close"
        + " marker for Array (start marker at line 1, column 16)", e.getMessage());
  }

  @Test
  void missingAlgorithmsArray() {
    assertEquals(List.of("$.algorithms: is missing"), problems("{}"));
    assertEquals(List.of("$: must be an object with an \"algorithms\" array"), problems("[]"));
  }

  @Test
  void messageNamesFile() {
    RegistryException e = assertThrows(RegistryException.class, () -> AlgorithmRegistry.parse(FILE, "{}"));
    assertEquals("algorithms.json: $.algorithms: is missing", e.getMessage());
  }

  @Test
  void selectByIdsOrEnabled() throws Exception {
    String json = "{\"algorithms\": [" + docker("").replace("\"enabled\": false", "\"enabled\": true")
        + ", " + docker("").replace("\"algo\"", "\"other\"") + "]}";
    AlgorithmRegistry registry = AlgorithmRegistry.parse(FILE, json);
    assertEquals(List.of("algo"), registry.select(List.of()).stream().map(AlgorithmDescriptor::id).toList());
    assertEquals(List.of("other", "algo"),
        registry.select(List.of("other", "algo", "other")).stream().map(AlgorithmDescriptor::id).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.select(List.of("nope")));
    assertEquals("unknown algorithm \"nope\" in algorithms.json; known ids: algo, other", e.getMessage());
  }

  @Test
  void missingFileNamed(@TempDir Path dir) {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AlgorithmRegistry.load(dir.resolve("none.json")));
    assertEquals(dir.resolve("none.json") + ": algorithm registry not found", e.getMessage());
  }

  @Test
  void shippedRegistryIsValid() throws Exception {
    Path shipped = Path.of("..", "algorithms.json");
    assertTrue(Files.exists(shipped), "algorithms.json at the project root");
    AlgorithmRegistry registry = AlgorithmRegistry.load(shipped);
    assertTrue(registry.all().size() >= 15, "entries: " + registry.all().size());
    for (AlgorithmDescriptor d : registry.all()) {
      if (d.gpu() == GpuRequirement.REQUIRED) {
        assertEquals(false, d.enabled(), d.id() + " needs a GPU and must be disabled by default");
      }
    }
    assertEquals(InputConvention.GZ_B17, registry.get("reference").docker().input());
  }

  @Test
  void labelConventionMapping() {
    int[] table = LabelConvention.BRATS2021.mappingTo(LabelConvention.BRATS2023);
    assertEquals(0, table[0]);
    assertEquals(1, table[1]);
    assertEquals(2, table[2]);
    assertEquals(3, table[4]);
    assertEquals(-1, table[3]);
  }
}
