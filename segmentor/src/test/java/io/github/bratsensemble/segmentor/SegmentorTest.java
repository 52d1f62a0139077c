package io.github.bratsensemble.segmentor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmKind;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import io.github.bratsensemble.segmentor.registry.LabelConvention;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmentor with in-memory fake algorithms on a small grid. */
class SegmentorTest {
  private static final Grid GRID = new Grid(new Dimensions(4, 3, 2), Affine.scaling(-1, -1, 1, 3, 2, 0));

  @TempDir
  Path dir;

  private interface Body {
    LabelVolume segment(CaseInputs inputs, Device device) throws Exception;
  }

  private static SegmentationAlgorithm fake(String id, LabelConvention labels, GpuRequirement gpu, Body body) {
    AlgorithmDescriptor descriptor = new AlgorithmDescriptor(id, id, List.of("test"), "", 2026, "glioma",
        AlgorithmKind.BUILTIN, labels, gpu, true, null, id);
    return new SegmentationAlgorithm() {
      @Override
      public AlgorithmDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public LabelVolume segment(CaseInputs inputs, Device device, Path workDir) throws SegmentationException {
        assertTrue(Files.isDirectory(workDir));
        try {
          return body.segment(inputs, device);
        } catch (SegmentationException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private CaseInputs inputs() {
    Path p = dir.resolve("unused.nii.gz");
    return new CaseInputs("case-1", p, p, p, p, GRID);
  }

  private static LabelVolume labels(Grid grid, int... values) {
    byte[] bytes = new byte[grid.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return LabelVolume.wrap(grid, bytes);
  }

  @Test
  void validResultsConvertedAndWritten() throws Exception {
    Path out = dir.resolve("out");
    List<SegmentationAlgorithm> algorithms = List.of(
        fake("old", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> labels(GRID, 0, 1, 2, 4, 4)),
        fake("new", LabelConvention.BRATS2023, GpuRequirement.NONE, (in, d) -> labels(GRID, 0, 1, 2, 3, 3)));
    RunSummary summary = new Segmentor(List.of(), new Segmentor.Options(1, 2)).run(inputs(), algorithms, out);

    assertEquals(2, summary.okCount());
    for (String id : List.of("old", "new")) {
      LabelVolume written = Nifti.readLabels(out.resolve(id + ".nii.gz"));
      assertEquals(0, written.label(0), id);
      assertEquals(1, written.label(1), id);
      assertEquals(2, written.label(2), id);
      assertEquals(3, written.label(3), id);
      assertEquals(3, written.label(4), id);
      assertTrue(written.grid().matches(GRID, 1e-6), id);
    }
    assertTrue(Files.exists(out.resolve(Segmentor.SUMMARY_FILE)));
    assertFalse(Files.exists(out.resolve(".work")));
  }

  @Test
  void failureDoesNotStopOthers() throws Exception {
    Grid shifted = new Grid(GRID.dimensions(), Affine.scaling(-1, -1, 1, 3, 2, 0.5));
    List<SegmentationAlgorithm> algorithms = List.of(
        fake("crash", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> {
          throw new IllegalStateException("boom");
        }),
        fake("refuses", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> {
          throw SegmentationException.failed("model not found");
        }),
        fake("shifted", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> labels(shifted, 1)),
        fake("label3", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> labels(GRID, 3)),
        fake("gpu-only", LabelConvention.BRATS2021, GpuRequirement.REQUIRED, (in, d) -> labels(GRID, 1)),
        fake("empty", LabelConvention.BRATS2021, GpuRequirement.OPTIONAL, (in, d) -> labels(GRID)),
        fake("fine", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> labels(GRID, 2)));
    RunSummary summary = new Segmentor(List.of(), new Segmentor.Options(1, 1)).run(inputs(), algorithms, dir.resolve("out"));

    List<SegmentationRun> runs = summary.runs();
    assertEquals(RunStatus.FAILED, runs.get(0).status());
    assertEquals("IllegalStateException: java.lang.IllegalStateException: boom", runs.get(0).reason());
    assertEquals("model not found", runs.get(1).reason());
    assertEquals("result of shifted is not on the input grid: affine [-1 0 0 3; 0 -1 0 2; 0 0 1 0.5] vs"
        + " [-1 0 0 3; 0 -1 0 2; 0 0 1 0] (max difference 0.5 mm, tolerance 0.001 mm)", runs.get(2).reason());
    assertEquals("result of label3 contains label 3 in 1 voxels, which the brats2021 convention does not allow"
        + " (allowed: 0, 1, 2, 4)", runs.get(3).reason());
    assertEquals(RunStatus.SKIPPED, runs.get(4).status());
    assertEquals("requires a GPU but none is available", runs.get(4).reason());
    assertNull(runs.get(4).device());
    assertEquals(RunStatus.OK, runs.get(5).status());
    assertTrue(runs.get(5).allBackground());
    assertEquals(Device.cpu(), runs.get(5).device());
    assertEquals(RunStatus.OK, runs.get(6).status());
    assertFalse(runs.get(6).allBackground());
    assertEquals(2, summary.okCount());
  }

  @Test
  void gpuAlgorithmGetsGpu() throws Exception {
    Gpu gpu = new Gpu(1, "GPU-1", "Simulated", 1L << 30, 0);
    SegmentationAlgorithm algorithm = fake("on-gpu", LabelConvention.BRATS2023, GpuRequirement.REQUIRED,
        (in, d) -> labels(GRID, d.isGpu() ? 1 : 0));
    RunSummary summary = new Segmentor(List.of(gpu), new Segmentor.Options(1, 1)).run(inputs(), List.of(algorithm), dir);
    assertEquals("gpu:1", summary.runs().get(0).device().toString());
    assertEquals(1, Nifti.readLabels(dir.resolve("on-gpu.nii.gz")).label(0));
  }

  @Test
  void summaryTableAndJson() throws Exception {
    List<SegmentationAlgorithm> algorithms = List.of(
        fake("a", LabelConvention.BRATS2021, GpuRequirement.REQUIRED, (in, d) -> labels(GRID, 1)),
        fake("longer-id", LabelConvention.BRATS2021, GpuRequirement.NONE, (in, d) -> labels(GRID, 1)));
    RunSummary summary = new Segmentor(List.of(), new Segmentor.Options(1, 1)).run(inputs(), algorithms, dir);
    List<String> table = summary.formatTable();
    assertEquals("algorithm  status     time (s)  device  reason", table.get(0));
    assertEquals("a          skipped         0.0  -       requires a GPU but none is available", table.get(1));
    assertTrue(table.get(2).matches("longer-id  ok +\\d+\\.\\d  cpu"), table.get(2));
    String json = Files.readString(dir.resolve(Segmentor.SUMMARY_FILE));
    assertTrue(json.contains("\"case\" : \"case-1\""), json);
    assertTrue(json.contains("\"output\" : \"longer-id.nii.gz\""), json);
    assertTrue(json.contains("\"reason\" : \"requires a GPU but none is available\""), json);
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve(Segmentor.SUMMARY_FILE))));
  }
}
