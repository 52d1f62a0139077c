package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InfoConvertCommandTest {
  @TempDir
  Path work;

  @Test
  void infoPrintsHeaderFacts() {
    Path file = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations/lfb_rwth.nii.gz");
    CliRunner.Result result = CliRunner.run("info", file.toString());

    assertEquals(0, result.exitCode(), result.err());
    String expected = String.join(System.lineSeparator(),
        file.toString(),
        "  format       NIfTI-1, little-endian",
        "  shape        240x240x155",
        "  datatype     float64",
        "  spacing mm   1.000 x 1.000 x 1.000",
        "  orientation  LPS",
        "  qform/sform  0 / 2",
        "  affine         -1.0000     0.0000     0.0000     0.0000",
        "                  0.0000    -1.0000     0.0000   239.0000",
        "                  0.0000     0.0000     1.0000     0.0000",
        "  range        0 .. 4",
        "  labels       [0, 1, 2, 4]",
        "");
    assertEquals(expected, result.out());
  }

  @Test
  void infoJsonListsEveryFile() {
    Path a = TestData.require("nifti-edge-cases/big.nii.gz");
    Path b = TestData.require("nifti-edge-cases/5D_small.nii");
    CliRunner.Result result = CliRunner.run("info", "--json", a.toString(), b.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("[ {"), result.out());
    assertTrue(result.out().contains("\"byteOrder\" : \"big-endian\""), result.out());
    assertTrue(result.out().contains("\"shape\" : [ 1, 2, 3, 1, 3 ]"), result.out());
  }

  static Stream<String> edgeCases() {
    return Stream.of("big.nii.gz", "little.nii.gz", "air.hdr.gz", "air2.hdr.gz", "avg152T1_LR_nifti.nii.gz",
        "avg152T1_LR_nifti2.nii.gz", "with_extension.nii.gz", "5D_small.nii", "5D_zeros.nii.gz");
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void convertKeepsDataAndAffine(String name) throws IOException {
    Path input = TestData.require("nifti-edge-cases/" + name);
    Path output = work.resolve(name.replace(".hdr", "").replace(".nii", "") + "-converted.nii.gz");
    CliRunner.Result result = CliRunner.run("convert", input.toString(), output.toString());

    assertEquals(0, result.exitCode(), result.err());
    NiftiImage before = Nifti.read(input);
    NiftiImage after = Nifti.read(output);
    assertArrayEquals(before.shape(), after.shape(), name);
    assertTrue(before.grid().affine().maxAbsDifference(after.grid().affine()) < 1e-5, name);
    for (int i = 0; i < before.data().length(); i++) {
      if (before.scaledValue(i) != after.scaledValue(i)) {
        assertEquals(before.scaledValue(i), after.scaledValue(i), name + " voxel " + i);
      }
    }
  }

  @Test
  void notNiftiGivesOneLineError() {
    Path file = TestData.require("nifti-edge-cases/not-nifti.nii");
    CliRunner.Result result = CliRunner.run("info", file.toString());

    assertEquals(1, result.exitCode());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("brats-ensemble: " + file + ": not a NIfTI file: sizeof_hdr is "),
        result.err());
  }

  @Test
  void truncatedFileGivesOneLineError() throws IOException {
    byte[] full = Files.readAllBytes(TestData.require("nifti-edge-cases/little.nii.gz"));
    Path file = work.resolve("cut.nii.gz");
    Files.write(file, Arrays.copyOf(full, full.length - 100));
    Path output = work.resolve("out.nii.gz");
    CliRunner.Result result = CliRunner.run("convert", file.toString(), output.toString());

    assertEquals(1, result.exitCode());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("brats-ensemble: " + file + ": truncated"), result.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void verboseAddsStackTrace() {
    Path file = TestData.require("nifti-edge-cases/not-nifti.nii");
    CliRunner.Result result = CliRunner.run("info", "--verbose", file.toString());

    assertEquals(1, result.exitCode());
    assertTrue(result.err().lines().count() > 3, result.err());
    assertTrue(result.err().contains("NiftiFormatException"), result.err());
  }

  @Test
  void missingArgumentIsUsageError() {
    CliRunner.Result result = CliRunner.run("convert", "only-one.nii");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("Missing required parameter: 'OUT'"), result.err());
  }

  @Test
  void convertRejectsOtherExtension() {
    CliRunner.Result result = CliRunner.run("convert", "in.nii", work.resolve("out.mgz").toString());

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("must end in .nii or .nii.gz"), result.err());
  }

  @Test
  void versionIsPrinted() {
    CliRunner.Result result = CliRunner.run("--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("brats-ensemble "), result.out());
  }

  @Test
  void noCommandIsUsageError() {
    CliRunner.Result result = CliRunner.run();

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("a command is required"), result.err());
  }
}
