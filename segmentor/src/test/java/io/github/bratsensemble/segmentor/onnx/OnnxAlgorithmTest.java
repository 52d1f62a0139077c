package io.github.bratsensemble.segmentor.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.models.ModelStore;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxGraphBuilder;
import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.SegmentationAlgorithm;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.UnavailableAlgorithm;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX registry entries run end to end through {@link AlgorithmFactory} and {@link Segmentor} on a
 * synthetic 12x10x8 case, with models generated in the test.
 *
 * <p>The FLAIR image of the case contains a class code v in 0..3 per voxel, T1 the constant 7, T1c and T2 zeros.
 * The models are pointwise convolutions, so patch tiling, blending and mirroring leave the expected
 * labels exact.
 */
class OnnxAlgorithmTest {
  private static final Grid GRID = new Grid(new Dimensions(12, 10, 8), Affine.scaling(-1, -1, 1, 11, 9, 0));
  private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir
  Path dir;

  /** Returns the class code of voxel (x, y, z): 0 (background) where x < 6, else 1..3 by y and z. */
  private static int code(int x, int y, int z) {
    return x < 6 ? 0 : 1 + (y + z) % 3;
  }

  private CaseInputs writeCase() throws Exception {
    Dimensions d = GRID.dimensions();
    float[] flair = new float[GRID.voxelCount()];
    float[] t1 = new float[GRID.voxelCount()];
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          flair[d.index(x, y, z)] = code(x, y, z);
          t1[d.index(x, y, z)] = 7;
        }
      }
    }
    Path caseDir = Files.createDirectories(dir.resolve("case"));
    Nifti.writeFloat(caseDir.resolve("t1.nii.gz"), FloatVolume.wrap(GRID, t1));
    Nifti.writeFloat(caseDir.resolve("t1c.nii.gz"), FloatVolume.wrap(GRID, new float[GRID.voxelCount()]));
    Nifti.writeFloat(caseDir.resolve("t2.nii.gz"), FloatVolume.wrap(GRID, new float[GRID.voxelCount()]));
    Nifti.writeFloat(caseDir.resolve("flair.nii.gz"), FloatVolume.wrap(GRID, flair));
    return new CaseInputs("synthetic", caseDir.resolve("t1.nii.gz"), caseDir.resolve("t1c.nii.gz"),
        caseDir.resolve("t2.nii.gz"), caseDir.resolve("flair.nii.gz"), GRID);
  }

  /**
   * Writes a pointwise convolution with {@code in} input channels whose output channel k is
   * {@code weights[k] * (input channel 0) + bias[k]}; other input channels get weight 0.
   */
  private Path pointwiseModel(String name, int in, float[] weights, float[] bias) throws Exception {
    int out = weights.length;
    float[] kernel = new float[out * in];
    for (int k = 0; k < out; k++) {
      kernel[k * in] = weights[k];
    }
    OnnxGraphBuilder b = new OnnxGraphBuilder(name);
    b.input("image", -1, in, -1, -1, -1);
    String w = b.initializer("w", kernel, out, in, 1, 1, 1);
    String bias0 = b.initializer("b", bias, out);
    b.node("Conv", "logits", new String[] {"image", w, bias0}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("logits", -1, out, -1, -1, -1);
    Path file = dir.resolve("models/" + name + ".onnx");
    Files.createDirectories(file.getParent());
    Files.write(file, b.build(17, "test"));
    return file;
  }

  /** Logits k * v - k^2 / 2 for k = 0..3: the argmax is the class code v. */
  private Path nearestCodeModel(String name, int in) throws Exception {
    return pointwiseModel(name, in, new float[] {0, 1, 2, 3}, new float[] {0, -0.5f, -2, -4.5f});
  }

  private static String entry(String id, String labels, String fields) {
    return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"authors\": [\"test\"], \"citation\": \"\","
        + " \"year\": 2026, \"task\": \"glioma\", \"kind\": \"onnx\", \"labels\": \"" + labels + "\","
        + " \"enabled\": true, " + fields + "}";
  }

  private Map<String, SegmentationRun> run(CaseInputs inputs, String entries, List<Gpu> gpus, ModelStore store)
      throws Exception {
    Path registryFile = dir.resolve("registry.json");
    Files.writeString(registryFile, "{\"algorithms\": [" + entries + "]}");
    AlgorithmRegistry registry = AlgorithmRegistry.load(registryFile);
    RunSummary summary;
    try (AlgorithmFactory factory = new AlgorithmFactory(dir.resolve("out"), null, line -> { }, store)) {
      List<SegmentationAlgorithm> algorithms = factory.createAll(registry.all());
      summary = new Segmentor(gpus, new Segmentor.Options(1, 1)).run(inputs, algorithms, dir.resolve("out"));
    }
    Map<String, SegmentationRun> runs = new LinkedHashMap<>();
    for (SegmentationRun run : summary.runs()) {
      runs.put(run.algorithmId(), run);
    }
    return runs;
  }

  private ModelStore store() {
    return new ModelStore(dir.resolve("cache"), true);
  }

  /** Asserts that every voxel of the written result has {@code canonical[code]}. */
  private void assertLabels(String id, int[] canonical) throws Exception {
    LabelVolume labels = Nifti.readLabels(dir.resolve("out/" + id + ".nii.gz"));
    assertTrue(labels.grid().matches(GRID, 1e-6), id + " grid");
    Dimensions d = GRID.dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          assertEquals(canonical[code(x, y, z)], labels.label(x, y, z), id + " at (" + x + ", " + y + ", " + z + ")");
        }
      }
    }
  }

  @Test
  void softmaxModelsSegmentEndToEnd() throws Exception {
    CaseInputs inputs = writeCase();
    nearestCodeModel("nearest", 1);
    nearestCodeModel("nearest2", 2);
    String entries = String.join(", ",
        entry("whole", "brats2023", "\"model\": \"models/nearest.onnx\", \"inputs\": [\"flair\"],"
            + " \"normalization\": \"none\""),
        entry("patched", "brats2023", "\"model\": \"models/nearest.onnx\", \"inputs\": [\"flair\"],"
            + " \"normalization\": \"none\", \"patchSize\": [5, 4, 3], \"overlap\": 0.5, \"blending\": \"gaussian\","
            + " \"batchSize\": 2, \"mirrorAxes\": [0, 2], \"threads\": 1"),
        entry("mapped", "brats2021", "\"model\": \"models/nearest2.onnx\", \"inputs\": [\"flair\", \"t1\"],"
            + " \"normalization\": \"none\", \"patchSize\": 6,"
            + " \"output\": {\"activation\": \"softmax\", \"channelLabels\": [0, 2, 4, 1]}"));
    Map<String, SegmentationRun> runs = run(inputs, entries, List.of(), store());

    for (String id : List.of("whole", "patched", "mapped")) {
      assertEquals(RunStatus.OK, runs.get(id).status(), id + ": " + runs.get(id).reason());
      assertEquals(Device.cpu(), runs.get(id).device());
    }
    assertLabels("whole", new int[] {0, 1, 2, 3});
    assertLabels("patched", new int[] {0, 1, 2, 3});
    // Channels 1, 2, 3 are brats2021 labels 2, 4, 1, stored as the canonical 2, 3, 1.
    assertLabels("mapped", new int[] {0, 2, 3, 1});
  }

  @Test
  void sigmoidRegionsRebuildNestedLabels() throws Exception {
    CaseInputs inputs = writeCase();
    // Region logits 10 (v - 0.5), 10 (v - 1.5), 10 (v - 2.5) for WT, TC, ET: code 1 is oedema only,
    // code 2 tumour core without ET (necrosis), code 3 enhancing.
    pointwiseModel("regions", 1, new float[] {10, 10, 10}, new float[] {-5, -15, -25});
    String entries = entry("regions", "brats2021", "\"model\": \"models/regions.onnx\", \"inputs\": [\"flair\"],"
        + " \"normalization\": \"none\", \"patchSize\": 4, \"output\": {\"activation\": \"sigmoid-regions\"}");
    Map<String, SegmentationRun> runs = run(inputs, entries, List.of(), store());
    assertEquals(RunStatus.OK, runs.get("regions").status(), runs.get("regions").reason());
    assertLabels("regions", new int[] {0, 2, 1, 3});
  }

  @Test
  void unavailableModelsSkippedWithReason() throws Exception {
    CaseInputs inputs = writeCase();
    String entries = String.join(", ",
        entry("absent", "brats2023", "\"model\": \"models/absent.onnx\""),
        entry("remote", "brats2023", "\"model\": \"https://models.invalid/net.onnx\", \"sha256\": \"" + SHA + "\""));
    Map<String, SegmentationRun> runs = run(inputs, entries, List.of(), store());

    assertEquals(RunStatus.SKIPPED, runs.get("absent").status());
    assertEquals("model unavailable: " + dir.resolve("models/absent.onnx") + ": model file not found",
        runs.get("absent").reason());
    assertEquals(RunStatus.SKIPPED, runs.get("remote").status());
    assertEquals("model unavailable: model https://models.invalid/net.onnx is not in the cache "
        + dir.resolve("cache") + " and downloads are disabled (offline mode)", runs.get("remote").reason());
  }

  @Test
  void mismatchedModelFailsClearly() throws Exception {
    CaseInputs inputs = writeCase();
    nearestCodeModel("two-inputs", 2);
    pointwiseModel("three-classes", 1, new float[] {1, 2, 3}, new float[3]);
    String entries = String.join(", ",
        entry("channels", "brats2023", "\"model\": \"models/two-inputs.onnx\", \"inputs\": [\"flair\"]"),
        entry("classes", "brats2023", "\"model\": \"models/three-classes.onnx\", \"inputs\": [\"flair\"]"));
    Map<String, SegmentationRun> runs = run(inputs, entries, List.of(), store());

    assertEquals(RunStatus.FAILED, runs.get("channels").status());
    assertEquals("model two-inputs.onnx input 'image' has 2 channels [-1, 2, -1, -1, -1] but 1 input volumes"
        + " were configured", runs.get("channels").reason());
    assertEquals(RunStatus.FAILED, runs.get("classes").status());
    assertEquals("model three-classes.onnx output 'logits' has 3 channels [-1, 3, -1, -1, -1] but the output"
        + " decoding expects 4", runs.get("classes").reason());
  }

  @Test
  void assignedGpuFallsBackToCpu() throws Exception {
    // The CPU build of ONNX Runtime cannot create a CUDA session, so the model runs on the CPU
    // while the run records the GPU the scheduler assigned.
    CaseInputs inputs = writeCase();
    nearestCodeModel("nearest", 1);
    String entries = entry("on-gpu", "brats2023", "\"model\": \"models/nearest.onnx\", \"inputs\": [\"flair\"],"
        + " \"normalization\": \"none\"");
    Gpu gpu = new Gpu(0, "GPU-0", "Simulated", 1L << 30, 0);
    Map<String, SegmentationRun> runs = run(inputs, entries, List.of(gpu), store());
    assertEquals(RunStatus.OK, runs.get("on-gpu").status(), runs.get("on-gpu").reason());
    assertEquals("gpu:0", runs.get("on-gpu").device().toString());
    assertLabels("on-gpu", new int[] {0, 1, 2, 3});
  }

  @Test
  void executionOptionsFollowDevice() {
    assertEquals(new ExecutionOptions(2, ExecutionOptions.CPU), OnnxAlgorithm.executionOptions(2, Device.cpu()));
    assertEquals(new ExecutionOptions(0, 3),
        OnnxAlgorithm.executionOptions(0, Device.of(new Gpu(3, "GPU-3", "Simulated", 1L << 30, 0))));
  }

  @Test
  void otherKindsRejected() throws Exception {
    AlgorithmRegistry registry = AlgorithmRegistry.parse(Path.of("r.json"), "{\"algorithms\": [{\"id\": \"g\","
        + " \"name\": \"g\", \"authors\": [\"t\"], \"citation\": \"\", \"year\": 2026, \"task\": \"glioma\","
        + " \"kind\": \"builtin\", \"labels\": \"brats2021\", \"gpu\": \"none\", \"enabled\": true,"
        + " \"algorithm\": \"gmm\"}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxAlgorithm.create(registry.get("g"), store()));
    assertEquals("g is not an onnx algorithm", e.getMessage());
  }

  @Test
  void entryWithoutSettingsUnavailable() throws Exception {
    var descriptor = new io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor("bare", "bare", List.of("t"),
        "", 2026, "glioma", io.github.bratsensemble.segmentor.registry.AlgorithmKind.ONNX,
        io.github.bratsensemble.segmentor.registry.LabelConvention.BRATS2023,
        io.github.bratsensemble.segmentor.registry.GpuRequirement.OPTIONAL, true, null, "m.onnx");
    assertInstanceOf(UnavailableAlgorithm.class, OnnxAlgorithm.create(descriptor, store()));
  }
}
