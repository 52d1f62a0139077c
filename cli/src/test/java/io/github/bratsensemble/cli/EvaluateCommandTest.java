package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  private static final Grid GRID = new Grid(new Dimensions(12, 12, 12), Affine.ofRows(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0));

  @TempDir
  Path work;

  /** Writes a 12³ label map with a cube of {@code label} from {@code from} to {@code to} on each axis. */
  private Path cube(String name, int from, int to, int label) throws IOException {
    byte[] labels = new byte[GRID.voxelCount()];
    for (int z = from; z <= to; z++) {
      for (int y = from; y <= to; y++) {
        for (int x = from; x <= to; x++) {
          labels[GRID.dimensions().index(x, y, z)] = (byte) label;
        }
      }
    }
    Path file = work.resolve(name);
    Files.createDirectories(file.getParent());
    Nifti.writeLabels(file, LabelVolume.wrap(GRID, labels));
    return file;
  }

  @Test
  void realOutputsGiveBratsMetrics() {
    Path folder = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations");
    Path truth = folder.resolve("zyx_2019.nii.gz");
    Path prediction = folder.resolve("lfb_rwth.nii.gz");

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", prediction.toString());

    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().split("\n");
    assertEquals(4, lines.length);
    assertEquals(EvaluationRows.CSV_HEADER, lines[0]);
    assertEquals("zyx_2019," + prediction + ",WT,0.958678,1,0.968327,0.955509,0.9999,23.443,23.288,-0.155,"
        + "0.958678,1,1,0,0", lines[1]);
    assertEquals("zyx_2019," + prediction + ",ET,0.55814,18.814717,0.744186,1,0.999998,0.012,0.031,0.019,0,374,"
        + "0,0,3", lines[3]);
  }

  @Test
  void jsonListsRegionsPerPrediction() throws IOException {
    Path truth = cube("t/case1-seg.nii.gz", 2, 5, 2);
    Path exact = cube("p/exact.nii.gz", 2, 5, 2);
    Path empty = cube("p/empty.nii.gz", 2, 5, 0);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", exact.toString(),
        empty.toString(), "--format", "json", "--labels", "brats2023");

    assertEquals(0, result.exitCode(), result.err());
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertEquals(2, json.size());
    assertEquals("case1", json.get(0).get("case").asText());
    assertEquals(1.0, json.get(0).get("regions").get("WT").get("dice").asDouble());
    assertEquals(0.0, json.get(0).get("regions").get("WT").get("hd95Mm").asDouble());
    assertEquals(0.064, json.get(0).get("regions").get("WT").get("truthVolumeMl").asDouble(), 1e-12);
    assertEquals(373.13, json.get(1).get("regions").get("WT").get("hd95Mm").asDouble());
    assertEquals(374.0, json.get(1).get("regions").get("WT").get("lesionWise").get("hd95Mm").asDouble());
    assertEquals(1, json.get(1).get("regions").get("WT").get("lesionWise").get("falseNegatives").asInt());
  }

  @Test
  void foldersMatchedByCaseId() throws IOException {
    cube("truth/BraTS-1-seg.nii.gz", 2, 5, 1);
    cube("truth/BraTS-2_seg.nii", 2, 5, 1);
    cube("truth/BraTS-3-seg.nii.gz", 2, 5, 1);
    cube("pred/BraTS-1.nii.gz", 2, 5, 1);
    cube("pred/BraTS-2.nii.gz", 3, 5, 1);
    cube("pred/BraTS-9.nii.gz", 3, 5, 1);
    Path table = work.resolve("out/metrics.csv");
    Files.createDirectories(table.getParent());

    CliRunner.Result result = CliRunner.run("evaluate", "--truth-dir", work.resolve("truth").toString(),
        "--pred-dir", work.resolve("pred").toString(), "-o", table.toString());

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    String[] err = result.err().split("\n");
    assertEquals("brats-ensemble: no prediction for case BraTS-3 in " + work.resolve("pred"), err[0]);
    assertEquals("brats-ensemble: skipped prediction " + work.resolve("pred/BraTS-9.nii.gz")
        + ": no ground truth for case BraTS-9 in " + work.resolve("truth"), err[1]);
    String[] lines = Files.readString(table).split("\n");
    assertEquals(7, lines.length);
    assertTrue(lines[1].startsWith("BraTS-1," + work.resolve("pred/BraTS-1.nii.gz") + ",WT,1,0,1,1,1,0.064,0.064,0,"),
        lines[1]);
    // 27 of 64 voxels predicted: Dice 54/91.
    assertTrue(lines[4].startsWith("BraTS-2," + work.resolve("pred/BraTS-2.nii.gz") + ",WT,0.593407,"), lines[4]);
  }

  @Test
  void labelOutsideConventionNamesFiles() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 4);
    Path prediction = cube("p.nii.gz", 2, 5, 4);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", prediction.toString(),
        "--labels", "brats2023");

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: cannot evaluate " + prediction + " against " + truth
        + ": truth contains label 4, which is not part of brats2023 (labels 0, 1, 2, 3)\n", result.err());
  }

  @Test
  void unknownConventionIsUsageError() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 1);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", truth.toString(),
        "--labels", "brats2019");

    assertEquals(2, result.exitCode());
    assertEquals("--labels must be brats2021 or brats2023 but was 'brats2019'",
        result.err().lines().findFirst().orElse(""));
  }

  @Test
  void filesAndFoldersAreExclusive() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 1);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", truth.toString(),
        "--truth-dir", work.toString(), "--pred-dir", work.toString());

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("mutually exclusive"), result.err());
  }

  @Test
  void truthAndPredictionConventionsDiffer() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 3);
    Path prediction = cube("p.nii.gz", 2, 5, 4);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", prediction.toString(),
        "--truth-labels", "brats2023", "--pred-labels", "brats2021");

    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().split("\n");
    assertTrue(lines[1].startsWith("t," + prediction + ",WT,1,0,1,"), lines[1]);
    assertTrue(lines[3].startsWith("t," + prediction + ",ET,1,0,1,"), lines[3]);
  }

  @Test
  void predictionLabelOutsideItsConvention() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 3);
    Path prediction = cube("p.nii.gz", 2, 5, 3);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", prediction.toString(),
        "--labels", "brats2023", "--pred-labels", "brats2021");

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: cannot evaluate " + prediction + " against " + truth
        + ": prediction contains label 3, which is not part of brats2021 (labels 0, 1, 2, 4)\n", result.err());
  }

  @Test
  void outputNamingPredictionRejected() throws IOException {
    Path truth = cube("t.nii.gz", 2, 5, 1);
    Path prediction = cube("p.nii.gz", 2, 5, 1);
    byte[] before = Files.readAllBytes(prediction);

    CliRunner.Result result = CliRunner.run("evaluate", "--truth", truth.toString(), "--pred", prediction.toString(),
        "-o", prediction.toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o and --pred are the same file " + prediction
        + "; choose another output name so the input is not modified", result.err().lines().findFirst().orElse(""));
    assertArrayEquals(before, Files.readAllBytes(prediction));
  }

  @Test
  void missingTruthFolderIsProcessingError() throws IOException {
    Path absent = work.resolve("absent");
    Files.createDirectories(work.resolve("pred"));

    CliRunner.Result result = CliRunner.run("evaluate", "--truth-dir", absent.toString(), "--pred-dir",
        work.resolve("pred").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: --truth-dir " + absent + " not found\n", result.err());
  }

  @Test
  void jsonVolumesRoundedLikeCsv() {
    assertEquals(2.635, EvaluationRows.roundVolumeMl(2.6350000000000002));
    assertEquals("2.635", EvaluationRows.number(2.6350000000000002));
    assertEquals(-0.000001, EvaluationRows.roundVolumeMl(-0.0000011));
  }
}
