package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.docker.DockerEngine;
import io.github.bratsensemble.segmentor.docker.DockerUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
  private static final String REGISTRY = Path.of("..", "algorithms.json").toString();

  @TempDir
  Path dir;

  private static void requireDocker() {
    try (DockerEngine engine = DockerEngine.connect()) {
      engine.client().inspectImageCmd("brats-ensemble/reference:latest").exec();
    } catch (DockerUnavailableException | RuntimeException e) {
      String message = "Docker engine or reference image unavailable: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
  }

  @Test
  void referenceAlgorithmEndToEnd() throws Exception {
    requireDocker();
    Path caseDir = TestData.require("brats2023-GLI-00001-000");
    Path out = dir.resolve("out");
    CliRunner.Result result = CliRunner.run("segment", caseDir.toString(), "-o", out.toString(),
        "--algorithms", REGISTRY, "--only", "reference", "--gpus", "none", "--timeout", "300");
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals("algorithm  status     time (s)  device  reason", lines.get(lines.size() - 3));
    assertTrue(lines.get(lines.size() - 2).matches("reference  ok +\\d+\\.\\d  cpu"), result.out());
    assertEquals("1 of 1 algorithms produced a segmentation in " + out, lines.get(lines.size() - 1));
    LabelVolume labels = Nifti.readLabels(out.resolve("reference.nii.gz"));
    // The segmentor's Docker tests pin the exact voxels against the in-process algorithms. Here the
    // CLI output must be a plausible tumour in the canonical BraTS 2023 labels.
    long tumourVoxels = labels.voxelCount() - labels.histogram()[0];
    assertTrue(tumourVoxels > 30_000, "tumour voxels: " + tumourVoxels);
    assertTrue(tumourVoxels < 200_000, "tumour voxels: " + tumourVoxels);
    assertArrayEquals(new int[] {0, 1, 2, 3}, labels.distinctLabels());
    assertTrue(Files.exists(out.resolve("logs/reference.log")));
    assertTrue(Files.exists(out.resolve("segmentation-summary.json")));
  }

  @Test
  void unknownAlgorithmIsUsageError() {
    CliRunner.Result result = CliRunner.run("segment", dir.toString(), "-o", dir.resolve("out").toString(),
        "--algorithms", REGISTRY, "--only", "reference,nope");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("unknown algorithm \"nope\" in " + REGISTRY + "; known ids: "), result.err());
  }

  @Test
  void incompleteCaseIsOneLineError() throws Exception {
    Files.writeString(dir.resolve("t1.nii.gz"), "");
    CliRunner.Result result = CliRunner.run("segment", dir.toString(), "-o", dir.resolve("out").toString(),
        "--algorithms", REGISTRY, "--only", "reference", "--gpus", "none");
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + dir + ": no t1c image found; expected a .nii or .nii.gz file whose name ends in"
        + " -t1c or _t1c, -t1ce or _t1ce, -t1gd or _t1gd\n", result.err());
  }

  @Test
  void invalidTimeoutIsUsageError() {
    CliRunner.Result result = CliRunner.run("segment", dir.toString(), "-o", dir.toString(), "--timeout", "0");
    assertEquals(2, result.exitCode());
    assertEquals("--timeout must be a positive number of seconds", result.err().lines().findFirst().orElse(""));
  }
}
