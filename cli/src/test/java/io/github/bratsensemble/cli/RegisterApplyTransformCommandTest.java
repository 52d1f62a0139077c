package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.registration.TransformDistance;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterApplyTransformCommandTest {
  private static final String CASE = "brats-toolkit-example/TCGA-DU-7294/";
  private static final String NL = System.lineSeparator();

  @TempDir
  Path work;

  @Test
  void registerWritesAntsTransform() throws IOException {
    Path t1 = TestData.require(CASE + "hdbet_native/t1.nii.gz");
    Path t2 = TestData.require(CASE + "hdbet_native/t2.nii.gz");
    Path transform = work.resolve("t2_to_t1.mat");
    Path resampled = work.resolve("t2_in_t1.nii.gz");
    CliRunner.Result result = CliRunner.run("register", "--fixed", t1.toString(), "--moving", t2.toString(),
        "-o", transform.toString(), "--resampled", resampled.toString(), "--threads", "2");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith(t2 + " -> " + t1 + ": " + transform + " (rigid, metric -0."), result.out());
    AffineTransform ours = TransformFiles.read(transform);
    AffineTransform ants = AntsTransformFile.read(TestData.require(CASE + "registrations/t2_to_t1.mat"));
    LabelVolume t1Mask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1.nii.gz"));
    assertTrue(TransformDistance.overMask(ours, ants, t1Mask).meanMm() < 1.0);
    FloatVolume out = Nifti.readFloat(resampled);
    assertTrue(out.grid().matches(t1Mask.grid(), 1e-3), out.grid().describeDifference(t1Mask.grid(), 1e-3));
  }

  @Test
  void applyTransformReproducesAntsMask() throws IOException {
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    Path reference = TestData.require(CASE + "masks/brats_space.nii.gz");
    Path transform = TestData.require(CASE + "registrations/native_t1_to_brats.mat");
    Path output = work.resolve("mask_brats.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", reference.toString(),
        "-t", transform.toString(), "-o", output.toString(), "--interpolation", "nearest");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(mask + " -> " + output + " (grid 240x240x155 of " + reference + ", nearest)" + NL, result.out());
    double dice = dice(Nifti.readLabels(output), Nifti.readLabels(reference));
    assertTrue(dice >= 0.97, "Dice " + dice);
  }

  @Test
  void applyInverseTransformWithLabels() throws IOException {
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    Path reference = TestData.require(CASE + "masks/native_t1c.nii.gz");
    Path transform = TestData.require(CASE + "registrations/t1c_to_t1.mat");
    Path output = work.resolve("mask_t1c.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", reference.toString(),
        "-t", "[" + transform + ",1]", "-o", output.toString(), "-n", "label");

    assertEquals(0, result.exitCode(), result.err());
    double dice = dice(Nifti.readLabels(output), Nifti.readLabels(reference));
    assertTrue(dice >= 0.99, "Dice " + dice);
  }

  @Test
  void transformsComposeInAntsOrder() throws IOException {
    // T1c -> T1 followed by its inverse is the identity, so the T1 mask comes back unchanged.
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    Path transform = TestData.require(CASE + "registrations/t1c_to_t1.mat");
    Path output = work.resolve("same.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", mask.toString(),
        "-t", transform + ",inverse", "-t", transform.toString(), "-o", output.toString(), "-n", "nearest");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(1.0, dice(Nifti.readLabels(output), Nifti.readLabels(mask)), 1e-9);
  }

  @Test
  void missingTransformFileIsReported() {
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    Path missing = work.resolve("missing.mat");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", mask.toString(),
        "-t", missing.toString(), "-o", work.resolve("out.nii.gz").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: transform file not found: " + missing + NL, result.err());
  }

  @Test
  void badTransformSuffixIsUsageError() {
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", mask.toString(),
        "-t", "a.mat,backwards", "-o", work.resolve("out.nii.gz").toString());

    assertEquals(2, result.exitCode());
    assertEquals("--transform a.mat,backwards: the text after the comma must be inverse (or ANTs' 1), not backwards",
        firstLine(result.err()));
  }

  @Test
  void unknownInterpolationIsUsageError() {
    Path mask = TestData.require(CASE + "masks/native_t1.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", mask.toString(), "-r", mask.toString(),
        "-o", work.resolve("out.nii.gz").toString(), "-n", "cubic");

    assertEquals(2, result.exitCode());
    assertEquals("--interpolation: unknown interpolation \"cubic\"; expected nearest, linear, bspline or label",
        firstLine(result.err()));
  }

  @Test
  void registerRejectsUnknownType() {
    Path t1 = TestData.require(CASE + "hdbet_native/t1.nii.gz");
    CliRunner.Result result = CliRunner.run("register", "--fixed", t1.toString(), "--moving", t1.toString(),
        "-o", work.resolve("t.mat").toString(), "--type", "elastic");

    assertEquals(2, result.exitCode());
    assertEquals("--type elastic is not one of rigid, affine", firstLine(result.err()));
  }

  @Test
  void registerRejectsEmptyImage() throws IOException {
    Path t1 = TestData.require(CASE + "hdbet_native/t1.nii.gz");
    Path empty = work.resolve("empty.nii.gz");
    Nifti.writeFloat(empty, FloatVolume.zeros(Nifti.readFloat(t1).grid()));
    CliRunner.Result result = CliRunner.run("register", "--fixed", t1.toString(), "--moving", empty.toString(),
        "-o", work.resolve("t.mat").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: the moving image is empty: every voxel is 0.0" + NL, result.err());
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  private static double dice(LabelVolume a, LabelVolume b) {
    long both = 0;
    long sum = 0;
    for (int i = 0; i < a.voxelCount(); i++) {
      boolean inA = a.label(i) != 0;
      boolean inB = b.label(i) != 0;
      both += inA && inB ? 1 : 0;
      sum += (inA ? 1 : 0) + (inB ? 1 : 0);
    }
    return 2.0 * both / sum;
  }
}
