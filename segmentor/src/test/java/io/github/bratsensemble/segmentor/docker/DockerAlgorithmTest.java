package io.github.bratsensemble.segmentor.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.algorithms.BuiltinAlgorithms;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.SegmentationAlgorithm;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the reference algorithm image in real containers on a real BraTS 2023 case, in every
 * input convention and every failure mode, in one segmentation run.
 */
@Tag("docker")
class DockerAlgorithmTest {
  /**
   * The algorithm every container but the MLCube one runs, the fastest built-in one. Its result is
   * compared with the same algorithm run in-process, so the test follows changes to the algorithm
   * as long as the image is rebuilt from the same sources.
   */
  private static final String FAST = "--algorithm intensity-outlier";

  private static DockerEngine engine;
  private static CaseInputs inputs;
  private static Path outputDir;
  private static RunSummary summary;
  private static String runId;
  private static Map<String, SegmentationRun> runs = new LinkedHashMap<>();
  private static LabelVolume expected;

  @BeforeAll
  static void runEverything(@TempDir Path tempDir) throws Exception {
    engine = DockerTestSupport.engineWithReferenceImage();
    if (engine == null) {
      return;
    }
    inputs = CaseDiscovery.discover(TestData.require("brats2023-GLI-00001-000"));
    outputDir = tempDir.resolve("out");
    List<AlgorithmDescriptor> descriptors = new ArrayList<>(List.of(
        DockerTestSupport.reference("conv-gz-b17", "gz-b17", "/data", FAST, 120),
        DockerTestSupport.reference("conv-gz-b17-t1", "gz-b17-t1", "/data", FAST, 120),
        DockerTestSupport.reference("conv-gz-b17-f", "gz-b17-f", "/data", FAST, 120),
        DockerTestSupport.reference("conv-b17", "b17", "/data", FAST, 120),
        DockerTestSupport.reference("conv-b17-t1", "b17-t1", "/data", FAST, 120),
        DockerTestSupport.reference("conv-gz-b18", "gz-b18", "/app/data/", "--input /app/data --id conv-gz-b18 " + FAST, 120),
        DockerTestSupport.reference("conv-brats2023", "brats2023", "/data", "--input /input --output /output " + FAST, 120),
        // The image's default command: the MLCube infer task with every built-in algorithm.
        DockerTestSupport.reference("conv-mlcube", "mlcube", "/data", "", 300),
        DockerTestSupport.reference("probe", "gz-b17", "/data", "--mode probe " + FAST, 120),
        DockerTestSupport.reference("sleeper", "gz-b17", "/data", "--mode sleep", 3),
        DockerTestSupport.reference("failing", "gz-b17", "/data", "--mode fail", 120),
        DockerTestSupport.reference("silent", "gz-b17", "/data", "--mode no-result", 120),
        DockerTestSupport.reference("wrong-grid", "gz-b17", "/data", "--mode wrong-grid", 120),
        DockerTestSupport.reference("no-sform", "gz-b17", "/data", "--mode no-sform " + FAST, 120),
        DockerTestSupport.reference("bad-labels", "gz-b17", "/data", "--mode bad-labels " + FAST, 120),
        DockerTestSupport.reference("empty", "gz-b17", "/data", "--mode empty", 120)));
    descriptors.add(DockerTestSupport.reference("missing-image", "gz-b17", "/data", "", 120)
        .withDocker(descriptors.get(0).docker().withImage("localhost:1/brats-ensemble/missing:none")));
    try (AlgorithmFactory factory = new AlgorithmFactory(outputDir, null, line -> { })) {
      runId = factory.runId();
      List<SegmentationAlgorithm> algorithms = factory.createAll(descriptors);
      summary = new Segmentor(List.of(), new Segmentor.Options(1, 2)).run(inputs, algorithms, outputDir);
    }
    for (SegmentationRun run : summary.runs()) {
      runs.put(run.algorithmId(), run);
    }
    BratsCase input = BratsCase.of(Nifti.readFloat(inputs.t1()), Nifti.readFloat(inputs.t1c()),
        Nifti.readFloat(inputs.t2()), Nifti.readFloat(inputs.flair()));
    LabelVolume labels2021 = BuiltinAlgorithms.byId("intensity-outlier").segment(input);
    expected = LabelVolume.wrap(labels2021.grid(), BratsLabels.toBrats2023(labels2021.labelArray()));
  }

  @BeforeEach
  void requireEngine() {
    DockerTestSupport.assumeAvailable();
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void everyConventionSegmentsTheCase() throws Exception {
    assertTrue(expected.voxelCount() - expected.histogram()[0] > 10000, "tumour found in-process");
    for (String id : List.of("conv-gz-b17", "conv-gz-b17-t1", "conv-gz-b17-f", "conv-b17", "conv-b17-t1",
        "conv-gz-b18", "conv-brats2023")) {
      SegmentationRun run = runs.get(id);
      assertEquals(RunStatus.OK, run.status(), id + ": " + run.reason());
      assertEquals(outputDir.resolve(id + ".nii.gz"), run.output());
      assertEquals("cpu", run.device().toString());
      LabelVolume labels = Nifti.readLabels(run.output());
      assertTrue(labels.grid().matches(inputs.grid(), 1e-6), id + " grid");
      long[] histogram = labels.histogram();
      assertEquals(0, histogram[4], id + ": label 4 must be converted to the canonical 3");
      assertArrayEquals(expected.labelArray(), labels.labelArray(), id + " differs from the in-process result");
    }
  }

  @Test
  void defaultCommandRunsAllAlgorithms() throws Exception {
    SegmentationRun run = runs.get("conv-mlcube");
    assertEquals(RunStatus.OK, run.status(), run.reason());
    LabelVolume labels = Nifti.readLabels(run.output());
    assertTrue(labels.grid().matches(inputs.grid(), 1e-6));
    long[] histogram = labels.histogram();
    assertTrue(histogram[1] > 0, "necrotic core voxels");
    assertTrue(histogram[2] > 0, "oedema voxels");
    assertTrue(histogram[3] > 0, "enhancing voxels");
    assertEquals(0, histogram[4], "label 4 converted to the canonical 3");
  }

  @Test
  void outputIsUint8Canonical() throws Exception {
    var image = Nifti.read(outputDir.resolve("conv-gz-b17.nii.gz"));
    assertEquals(2, image.header().dataTypeCode(), "NIfTI datatype code of uint8");
    long[] histogram = image.toLabelVolume().histogram();
    assertTrue(histogram[2] > 0, "oedema voxels");
    assertTrue(histogram[3] > 0, "enhancing voxels in the canonical label 3");
  }

  @Test
  void containerHasOnlyLoopback() throws Exception {
    SegmentationRun run = runs.get("probe");
    assertEquals(RunStatus.OK, run.status(), run.reason());
    List<String> interfaces = Files.readAllLines(outputDir.resolve("logs/probe.log")).stream()
        .filter(line -> line.startsWith("network interface: ")).toList();
    assertEquals(List.of("network interface: lo"), interfaces);
  }

  @Test
  void inputsAreReadOnlyInContainer() throws Exception {
    List<String> log = Files.readAllLines(outputDir.resolve("logs/probe.log"));
    assertEquals(List.of("input writable: false (Read-only file system)"),
        log.stream().filter(line -> line.startsWith("input writable")).toList());
  }

  @Test
  void timeoutKillsAndReports() {
    SegmentationRun run = runs.get("sleeper");
    assertEquals(RunStatus.TIMED_OUT, run.status());
    assertEquals("timed out after 3 s", run.reason());
    assertTrue(run.duration().toSeconds() < 30, "killed promptly: " + run.duration());
  }

  @Test
  void nonZeroExitCapturesLog() throws Exception {
    SegmentationRun run = runs.get("failing");
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals("exited with code 3: simulated failure: model weights missing; log: "
        + outputDir.resolve("logs/failing.log"), run.reason());
    assertEquals("simulated failure: model weights missing",
        Files.readString(outputDir.resolve("logs/failing.log")).strip());
  }

  @Test
  void missingResultFails() {
    SegmentationRun run = runs.get("silent");
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals("wrote no result; looked for tumor_silent_class.nii*, tumor_*_class.nii*, silent*.nii*, "
        + "*tumor*.nii* in /data/results; log: " + outputDir.resolve("logs/silent.log"), run.reason());
    assertFalse(Files.exists(outputDir.resolve("silent.nii.gz")));
  }

  @Test
  void wrongGridFails() {
    SegmentationRun run = runs.get("wrong-grid");
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals("result tumor_reference_class.nii.gz has dimensions 120x120x78 but the input grid is 240x240x155",
        run.reason());
  }

  @Test
  void missingSformGetsInputGeometry() throws Exception {
    SegmentationRun run = runs.get("no-sform");
    assertEquals(RunStatus.OK, run.status(), run.reason());
    LabelVolume labels = Nifti.readLabels(run.output());
    assertTrue(labels.grid().matches(inputs.grid(), 1e-6));
    assertArrayEquals(expected.labelArray(), labels.labelArray());
  }

  @Test
  void undeclaredLabelFails() {
    SegmentationRun run = runs.get("bad-labels");
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals("result of bad-labels contains label 7 in 1 voxels, which the brats2021 convention does not"
        + " allow (allowed: 0, 1, 2, 4)", run.reason());
  }

  @Test
  void allBackgroundIsKeptAndFlagged() throws Exception {
    SegmentationRun run = runs.get("empty");
    assertEquals(RunStatus.OK, run.status());
    assertTrue(run.allBackground());
    assertEquals("all background: no tumour voxel", run.reason());
    assertEquals(inputs.grid().voxelCount(), Nifti.readLabels(run.output()).histogram()[0]);
  }

  @Test
  void missingImageFailsWithAdvice() {
    SegmentationRun run = runs.get("missing-image");
    assertEquals(RunStatus.FAILED, run.status());
    assertTrue(run.reason().startsWith("image localhost:1/brats-ensemble/missing:none is not present locally and"
        + " pulling it failed: "), run.reason());
    assertTrue(run.reason().endsWith("; check network access to the registry, or load the image with docker load"),
        run.reason());
  }

  @Test
  void everyContainerIsRemoved() {
    List<Container> left = engine.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(ContainerSpec.LABEL_PREFIX + "run", runId)).exec();
    assertEquals(List.of(), left.stream().map(Container::getId).toList());
  }

  @Test
  void summaryListsEveryAlgorithm() throws Exception {
    assertEquals(17, summary.runs().size());
    String json = Files.readString(outputDir.resolve(Segmentor.SUMMARY_FILE));
    assertTrue(json.contains("\"status\" : \"timed out\""), json);
    assertFalse(Files.exists(outputDir.resolve(".work")), "work folder removed");
  }
}
