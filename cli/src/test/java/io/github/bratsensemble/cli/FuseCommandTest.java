package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuseCommandTest {
  private static final Grid SMALL = new Grid(new Dimensions(4, 1, 1), Affine.identity());

  @TempDir
  Path dir;

  private Path write(String name, Grid grid, int... labels) throws IOException {
    byte[] bytes = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      bytes[i] = (byte) labels[i];
    }
    Path path = dir.resolve(name);
    Nifti.writeLabels(path, LabelVolume.wrap(grid, bytes));
    return path;
  }

  private static int[] read(Path path) throws IOException {
    LabelVolume volume = Nifti.readLabels(path);
    int[] labels = new int[volume.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = volume.label(i);
    }
    return labels;
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  @Test
  void fuseRealCaseWithReport() throws IOException {
    Path folder = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations");
    Path output = dir.resolve("fused.nii.gz");
    Path report = dir.resolve("report.json");
    Path agreement = dir.resolve("agreement.nii.gz");
    Path entropy = dir.resolve("entropy.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "-o", output.toString(), "--report", report.toString(),
        "--agreement-map", agreement.toString(), "--entropy-map", entropy.toString(), folder.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(String.join("\n",
        "majority: 6 inputs -> " + output,
        "report -> " + report + ", " + dir.resolve("report.csv"),
        "agreement map -> " + agreement,
        "entropy map -> " + entropy), result.out().strip().replace(System.lineSeparator(), "\n"));

    // Voxel counts computed independently with numpy (fusionator's reference_values.py).
    long[] histogram = Nifti.readLabels(output).histogram();
    assertEquals(8859, histogram[1]);
    assertEquals(13870, histogram[2]);
    assertEquals(0, histogram[4]);
    assertEquals(Grid.BRATS.dimensions(), Nifti.readLabels(output).grid().dimensions());

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals("majority", json.get("method").asText());
    assertEquals("brats2021", json.get("convention").asText());
    assertEquals(6, json.get("inputs").size());
    assertEquals("lfb_rwth.nii.gz", json.get("inputs").get(0).get("name").asText());
    assertEquals(0.712774140704578, json.get("fleissKappa").get("value").asDouble(), 1e-12);
    assertEquals("voxels where any input is non-background", json.get("fleissKappa").get("scope").asText());

    List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
    assertEquals("map,structure,kind,voxels,volume_ml,lesions,dice,jaccard,both_empty", csv.get(0));
    assertTrue(csv.get(1).startsWith("consensus,label 1,label,8859,8.859000,"), csv.get(1));

    FloatVolume agreementMap = Nifti.readFloat(agreement);
    assertEquals(1.0f, agreementMap.value(0));
    FloatVolume entropyMap = Nifti.readFloat(entropy);
    assertEquals(0.0f, entropyMap.value(0));
  }

  @Test
  void folderAndFileListAgree() throws IOException {
    Path a = write("b.nii.gz", SMALL, 1, 2, 0, 4);
    Path b = write("a.nii.gz", SMALL, 1, 1, 0, 4);
    Path c = write("c.nii", SMALL, 2, 2, 0, 0);
    Path fromFolder = dir.resolve("out1.nii.gz");
    Path fromFiles = dir.resolve("out2.nii.gz");
    Files.createDirectory(dir.resolve("in"));
    for (Path p : List.of(a, b, c)) {
      Files.copy(p, dir.resolve("in").resolve(p.getFileName()));
    }
    CliRunner.Result folder = CliRunner.run("fuse", "-o", fromFolder.toString(), "--weights", "1,3,1",
        dir.resolve("in").toString());
    // Sorted name order is a, b, c, so weight 3 belongs to b.nii.gz.
    CliRunner.Result files = CliRunner.run("fuse", "-o", fromFiles.toString(), "--weights", "3,1,1",
        b.toString(), a.toString(), c.toString());
    assertEquals(0, folder.exitCode(), folder.err());
    assertEquals(0, files.exitCode(), files.err());
    assertArrayEquals(new int[] {1, 1, 0, 4}, read(fromFiles));
    assertArrayEquals(new int[] {1, 2, 0, 4}, read(fromFolder));
  }

  @Test
  void everyMethodRunsFromCommandLine() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 2, 0, 4);
    Path b = write("b.nii.gz", SMALL, 1, 2, 0, 4);
    Path c = write("c.nii.gz", SMALL, 1, 2, 2, 0);
    for (String method : List.of("majority", "regions", "simple", "staple", "staple-multilabel", "btk-mav",
        "btk-simple", "btk-brats-simple")) {
      Path output = dir.resolve(method + ".nii.gz");
      CliRunner.Result result = CliRunner.run("fuse", "--method", method, "-o", output.toString(),
          a.toString(), b.toString(), c.toString());
      assertEquals(0, result.exitCode(), method + ": " + result.err());
      assertArrayEquals(new int[] {1, 2, 0, 4}, read(output), method);
    }
  }

  @Test
  void brats2023InputIsConverted() throws IOException {
    Path a = write("a.nii.gz", SMALL, 4, 2, 0, 1);
    Path b = write("b.nii.gz", SMALL, 3, 2, 0, 1);
    Path output = dir.resolve("fused.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "--input-labels", "brats2021;brats2023", "-o", output.toString(),
        a.toString(), b.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertArrayEquals(new int[] {4, 2, 0, 1}, read(output));
  }

  @Test
  void oneInputWarnsAndCopies() throws IOException {
    Path a = write("a.nii.gz", SMALL, 4, 2, 0, 1);
    Path output = dir.resolve("fused.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "-o", output.toString(), a.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("brats-ensemble: warning: only one input (a.nii.gz): the output is a copy of it",
        result.err().strip());
    assertArrayEquals(new int[] {4, 2, 0, 1}, read(output));
  }

  @Test
  void zeroInputsIsUsageError() {
    CliRunner.Result result = CliRunner.run("fuse", "-o", dir.resolve("x.nii.gz").toString());
    assertEquals(2, result.exitCode());
    assertEquals("at least one input label map is required", firstLine(result.err()));
  }

  @Test
  void gridMismatchNamesBothFiles() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", new Grid(new Dimensions(4, 1, 1), Affine.translation(0.5, 0, 0)), 1, 0, 0, 0);
    Path output = dir.resolve("fused.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "-o", output.toString(), a.toString(), b.toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: inputs a.nii.gz and b.nii.gz are on different grids: affine [1 0 0 0; 0 1 0 0; "
        + "0 0 1 0] vs [1 0 0 0.5; 0 1 0 0; 0 0 1 0] (max difference 0.5 mm, tolerance 0.001 mm)",
        result.err().strip());
    assertFalse(Files.exists(output));
  }

  @Test
  void dimensionMismatchNamesBothFiles() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", new Grid(new Dimensions(2, 2, 1), Affine.identity()), 1, 0, 0, 0);
    CliRunner.Result result = CliRunner.run("fuse", "-o", dir.resolve("f.nii.gz").toString(), a.toString(),
        b.toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: inputs a.nii.gz and b.nii.gz are on different grids: dimensions 4x1x1 vs 2x2x1",
        result.err().strip());
  }

  @Test
  void labelOutsideConventionNamesVoxel() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 0, 3, 0);
    CliRunner.Result result = CliRunner.run("fuse", "-o", dir.resolve("f.nii.gz").toString(), a.toString(),
        b.toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: b.nii.gz: label 3 at voxel (2, 0, 0) is not in label convention brats2021 "
        + "(labels 0, 1, 2, 4)", result.err().strip());
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 0, 0, 0);
    String out = dir.resolve("f.nii.gz").toString();
    CliRunner.Result method = CliRunner.run("fuse", "-m", "vote", "-o", out, a.toString(), b.toString());
    assertEquals(2, method.exitCode());
    assertEquals("unknown fusion method 'vote': expected one of majority, regions, simple, staple, "
        + "staple-multilabel, btk-mav, btk-simple, btk-brats-simple", firstLine(method.err()));
    CliRunner.Result weights = CliRunner.run("fuse", "--weights", "1", "-o", out, a.toString(), b.toString());
    assertEquals(2, weights.exitCode());
    assertEquals("--weights has 1 values for 2 inputs; give one per input", firstLine(weights.err()));
    CliRunner.Result labels = CliRunner.run("fuse", "--labels", "brats2020", "-o", out, a.toString(), b.toString());
    assertEquals(2, labels.exitCode());
    assertEquals("invalid label convention 'brats2020': expected brats2021, brats2023 or custom:L1,L2,...",
        firstLine(labels.err()));
    CliRunner.Result overwrite = CliRunner.run("fuse", "-o", a.toString(), a.toString(), b.toString());
    assertEquals(2, overwrite.exitCode());
    assertEquals("-o and IN are the same file " + a + "; choose another output name so the input is not modified",
        firstLine(overwrite.err()));
  }

  @Test
  void outputsMustDifferFromInputsAndEachOther() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 0, 0, 0);
    Path out = dir.resolve("f.nii.gz");
    CliRunner.Result agreement = CliRunner.run("fuse", "-o", out.toString(), "--agreement-map", b.toString(),
        a.toString(), b.toString());
    assertEquals(2, agreement.exitCode());
    assertEquals("--agreement-map and IN are the same file " + b
        + "; choose another output name so the input is not modified", firstLine(agreement.err()));
    CliRunner.Result sameMaps = CliRunner.run("fuse", "-o", out.toString(), "--agreement-map",
        dir.resolve("m.nii.gz").toString(), "--entropy-map", dir.resolve("./m.nii.gz").toString(), a.toString(),
        b.toString());
    assertEquals(2, sameMaps.exitCode());
    assertEquals("--agreement-map and --entropy-map are the same file " + dir.resolve("./m.nii.gz")
        + "; give each output its own name", firstLine(sameMaps.err()));
    CliRunner.Result entropyIsOutput = CliRunner.run("fuse", "-o", out.toString(), "--entropy-map",
        out.toString(), a.toString(), b.toString());
    assertEquals(2, entropyIsOutput.exitCode());
    assertEquals("-o and --entropy-map are the same file " + out + "; give each output its own name",
        firstLine(entropyIsOutput.err()));
    CliRunner.Result reportIsOutput = CliRunner.run("fuse", "-o", out.toString(), "--report", out.toString(),
        a.toString(), b.toString());
    assertEquals(2, reportIsOutput.exitCode());
    assertEquals("-o and --report are the same file " + out + "; give each output its own name",
        firstLine(reportIsOutput.err()));
    assertFalse(Files.exists(out));
  }

  @Test
  void missingReportFolderStopsBeforeWork() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 0, 0, 0);
    Path out = dir.resolve("f.nii.gz");
    Path report = dir.resolve("absent/r.json");
    CliRunner.Result result = CliRunner.run("fuse", "-o", out.toString(), "--report", report.toString(),
        a.toString(), b.toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: --report " + report + ": output folder " + dir.resolve("absent")
        + " does not exist\n", result.err().replace(System.lineSeparator(), "\n"));
    assertFalse(Files.exists(out));
  }

  @Test
  void reportFilesAreWorldReadable() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 2, 0, 0);
    Path report = dir.resolve("r.json");
    CliRunner.Result result = CliRunner.run("fuse", "-o", dir.resolve("f.nii.gz").toString(), "--report",
        report.toString(), a.toString(), b.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(report)));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("r.csv"))));
  }

  @Test
  void weightsCheckedAsUsageErrors() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 1, 0, 0, 0);
    String out = dir.resolve("f.nii.gz").toString();
    CliRunner.Result negative = CliRunner.run("fuse", "--weights", "1,-2", "-o", out, a.toString(), b.toString());
    assertEquals(2, negative.exitCode());
    assertEquals("--weights: weight 2 must be a finite number greater than 0 but was -2.0",
        firstLine(negative.err()));
    CliRunner.Result zero = CliRunner.run("fuse", "--weights", "0,0", "-o", out, a.toString(), b.toString());
    assertEquals(2, zero.exitCode());
    assertEquals("--weights: weight 1 must be a finite number greater than 0 but was 0.0", firstLine(zero.err()));
    CliRunner.Result nan = CliRunner.run("fuse", "--weights", "NaN,1", "-o", out, a.toString(), b.toString());
    assertEquals(2, nan.exitCode());
    assertEquals("--weights: weight 1 must be a finite number greater than 0 but was NaN", firstLine(nan.err()));
    CliRunner.Result staple = CliRunner.run("fuse", "-m", "staple", "--weights", "1,2", "-o", out, a.toString(),
        b.toString());
    assertEquals(2, staple.exitCode());
    assertEquals("--weights cannot be used with method staple, which estimates each input's reliability itself",
        firstLine(staple.err()));
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void undecidedLabelMustNotBeForeground() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = write("b.nii.gz", SMALL, 2, 0, 0, 0);
    Path out = dir.resolve("f.nii.gz");
    CliRunner.Result rejected = CliRunner.run("fuse", "--labels", "brats2023", "--tie", "undecided=3", "-o",
        out.toString(), a.toString(), b.toString());
    assertEquals(2, rejected.exitCode());
    assertEquals("tie policy undecided=3: label 3 is a foreground label of brats2023; choose a label outside the"
        + " convention, such as 255, so ties stay distinguishable", firstLine(rejected.err()));
    CliRunner.Result allowed = CliRunner.run("fuse", "--labels", "brats2021", "--tie", "undecided=3", "-o",
        out.toString(), a.toString(), b.toString());
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertArrayEquals(new int[] {3, 0, 0, 0}, read(out));
  }

  @Test
  void missingInputIsProcessingError() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path absent = dir.resolve("absent.nii.gz");
    Path out = dir.resolve("f.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "-o", out.toString(), a.toString(), absent.toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + absent + ": file not found\n", result.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void referenceChoosesOutputGrid() throws IOException {
    Grid shifted = new Grid(new Dimensions(4, 1, 1), Affine.translation(0.0005, 0, 0));
    Path a = write("a.nii.gz", SMALL, 1, 2, 0, 4);
    Path b = write("b.nii.gz", shifted, 1, 2, 0, 4);
    Path output = dir.resolve("fused.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "--reference", b.toString(), "-o", output.toString(),
        a.toString(), b.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(0.0005, Nifti.readLabels(output).grid().affine().get(0, 3), 1e-7);
    CliRunner.Result other = CliRunner.run("fuse", "--reference", dir.resolve("c.nii.gz").toString(), "-o",
        output.toString(), a.toString(), b.toString());
    assertEquals(2, other.exitCode());
    assertEquals("--reference " + dir.resolve("c.nii.gz") + " is not one of the inputs", firstLine(other.err()));
  }

  @Test
  void customLabelsFuseListedLabels() throws IOException {
    Path a = write("a.nii.gz", SMALL, 7, 9, 0, 9);
    Path b = write("b.nii.gz", SMALL, 7, 7, 0, 9);
    Path c = write("c.nii.gz", SMALL, 0, 9, 0, 7);
    Path output = dir.resolve("fused.nii.gz");
    CliRunner.Result result = CliRunner.run("fuse", "--labels", "custom:9,7", "--tie", "highest-priority", "-o",
        output.toString(), a.toString(), b.toString(), c.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertArrayEquals(new int[] {7, 9, 0, 9}, read(output));
  }

  @Test
  void fractionalLabelNamesFileAndVoxel() throws IOException {
    Path a = write("a.nii.gz", SMALL, 1, 0, 0, 0);
    Path b = dir.resolve("b.nii.gz");
    Nifti.writeFloat32(b, FloatVolume.wrap(SMALL, new float[] {1, 0, 1.5f, 0}));
    CliRunner.Result result = CliRunner.run("fuse", "-o", dir.resolve("f.nii.gz").toString(), a.toString(),
        b.toString());
    assertEquals(1, result.exitCode());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("brats-ensemble: " + b + ": "), result.err());
    assertTrue(result.err().contains("1.5"), result.err());
  }
}
