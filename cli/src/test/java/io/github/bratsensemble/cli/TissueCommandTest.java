package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TissueCommandTest {
  private static final String GLIOMA_T1 = "brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1n.nii.gz";

  @TempDir
  Path work;

  @Test
  void meshNetTissueOfGliomaT1IsPlausible() throws IOException {
    Path t1File = TestData.require(GLIOMA_T1);
    Path output = work.resolve("tissue.nii.gz");

    CliRunner.Result result = CliRunner.run("tissue", "-i", t1File.toString(), "-o", output.toString(),
        "--model", TestData.require("models/meshnet-gwm-onnx/model.onnx").toString());

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume tissue = Nifti.readLabels(output);
    FloatVolume t1 = Nifti.readFloat(t1File);
    assertTrue(tissue.grid().matches(t1.grid(), Grid.DEFAULT_TOLERANCE_MM));
    double greyMl = tissue.histogram()[1] / 1000.0;
    double whiteMl = tissue.histogram()[2] / 1000.0;
    assertEquals(String.format(Locale.ROOT, "wrote %s: grey matter %.1f mL, white matter %.1f mL%n", output, greyMl, whiteMl),
        result.out());
    assertTrue(greyMl >= 300, "grey matter " + greyMl + " mL");
    assertTrue(greyMl <= 900, "grey matter " + greyMl + " mL");
    assertTrue(whiteMl >= 300, "white matter " + whiteMl + " mL");
    assertTrue(whiteMl <= 900, "white matter " + whiteMl + " mL");
    double[] sums = new double[3];
    long whiteOutside = 0;
    for (int i = 0; i < tissue.voxelCount(); i++) {
      sums[tissue.label(i)] += t1.value(i);
      whiteOutside += tissue.label(i) == 2 && t1.value(i) <= 0 ? 1 : 0;
    }
    assertEquals(0, whiteOutside, "white matter voxels outside the skull-stripped brain");
    double meanGrey = sums[1] / tissue.histogram()[1];
    double meanWhite = sums[2] / tissue.histogram()[2];
    assertTrue(meanWhite > 1.1 * meanGrey, "mean T1 of white matter " + meanWhite + ", of grey matter " + meanGrey);
  }

  @Test
  void wholeHeadImageKeepsTissue() throws IOException {
    // The MNI average head: 2 mm voxels, odd sizes, almost every voxel above 0.
    Path output = work.resolve("tissue.nii.gz");

    CliRunner.Result result = CliRunner.run("tissue", "-i",
        TestData.require("nifti-edge-cases/avg152T1_LR_nifti.nii.gz").toString(), "-o", output.toString(),
        "--model", TestData.require("models/meshnet-gwm-onnx/model.onnx").toString());

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume tissue = Nifti.readLabels(output);
    double voxelMl = tissue.grid().voxelVolumeMl();
    assertTrue(tissue.histogram()[1] * voxelMl > 300, "grey matter " + tissue.histogram()[1] * voxelMl + " mL");
    assertTrue(tissue.histogram()[2] * voxelMl > 300, "white matter " + tissue.histogram()[2] * voxelMl + " mL");
  }

  @Test
  void brainMaskDropsTissueOutside() throws IOException {
    Path head = TestData.require("nifti-edge-cases/avg152T1_LR_nifti.nii.gz");
    FloatVolume image = Nifti.readFloat(head);
    Dimensions d = image.grid().dimensions();
    byte[] half = new byte[d.voxelCount()];
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx() / 2; x++) {
          half[d.index(x, y, z)] = 1;
        }
      }
    }
    Path mask = work.resolve("half.nii.gz");
    Nifti.writeLabels(mask, LabelVolume.wrap(image.grid(), half));
    Path model = work.resolve("ramp.onnx");
    Files.write(model, rampModel());
    Path output = work.resolve("tissue.nii.gz");

    CliRunner.Result result = CliRunner.run("tissue", "-i", head.toString(), "-o", output.toString(), "--model",
        model.toString(), "--brain-mask", mask.toString());

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume tissue = Nifti.readLabels(output);
    long outside = 0;
    long inside = 0;
    for (int i = 0; i < half.length; i++) {
      if (tissue.label(i) != 0) {
        inside += half[i];
        outside += 1 - half[i];
      }
    }
    assertEquals(0, outside, "tissue voxels outside the mask");
    assertTrue(inside > 10_000, "tissue voxels inside the mask: " + inside);
  }

  @Test
  void brainMaskOnOtherGridIsRejected() throws IOException {
    Path mask = work.resolve("small.nii.gz");
    Nifti.writeLabels(mask, LabelVolume.wrap(new Grid(new Dimensions(8, 8, 8), Affine.identity()), new byte[512]));
    Path model = work.resolve("ramp.onnx");
    Files.write(model, rampModel());

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        work.resolve("t.nii.gz").toString(), "--model", model.toString(), "--brain-mask", mask.toString());

    assertEquals(1, result.exitCode());
    assertTrue(result.err().startsWith("brats-ensemble: " + mask + ": the brain mask is not on the grid of "
        + TestData.require(GLIOMA_T1) + ": "), result.err());
    assertFalse(Files.exists(work.resolve("t.nii.gz")));
  }

  @Test
  void withoutBiasCorrectionSaysSo() throws IOException {
    Path model = work.resolve("ramp.onnx");
    Files.write(model, rampModel());
    Path output = work.resolve("tissue.nii");

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        output.toString(), "--model", model.toString(), "--no-bias-correction", "--threads", "2");

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume tissue = Nifti.readLabels(output);
    assertEquals(String.format(Locale.ROOT, "wrote %s: grey matter %.1f mL, white matter %.1f mL (no bias correction)%n",
        output, tissue.histogram()[1] / 1000.0, tissue.histogram()[2] / 1000.0), result.out());
    assertTrue(tissue.histogram()[1] > 0, "grey matter present");
    assertTrue(tissue.histogram()[2] > 0, "white matter present");
  }

  @Test
  void rejectsImageWithoutPositiveVoxel() throws IOException {
    Path empty = work.resolve("empty.nii.gz");
    Nifti.writeFloat(empty, FloatVolume.wrap(new Grid(new Dimensions(8, 8, 8), Affine.identity()), new float[512]));
    Path model = work.resolve("ramp.onnx");
    Files.write(model, rampModel());

    CliRunner.Result result = CliRunner.run("tissue", "-i", empty.toString(), "-o", work.resolve("t.nii.gz").toString(),
        "--model", model.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + empty + ": no voxel is above 0; a T1-weighted image is required"
        + System.lineSeparator(), result.err());
    assertFalse(Files.exists(work.resolve("t.nii.gz")));
  }

  @Test
  void rejectsOutputWithoutNiftiExtension() {
    Path output = work.resolve("tissue.png");

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        output.toString(), "--model", work.resolve("absent.onnx").toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o " + output + " must end in .nii or .nii.gz", result.err().lines().findFirst().orElse(""));
  }

  @Test
  void constantImageIsRejected() throws IOException {
    Path constant = work.resolve("constant.nii.gz");
    float[] voxels = new float[512];
    java.util.Arrays.fill(voxels, 100f);
    Nifti.writeFloat(constant, FloatVolume.wrap(new Grid(new Dimensions(8, 8, 8), Affine.identity()), voxels));
    Path model = work.resolve("ramp.onnx");
    Files.write(model, rampModel());

    CliRunner.Result result = CliRunner.run("tissue", "-i", constant.toString(), "-o", work.resolve("t.nii.gz").toString(),
        "--model", model.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + constant + ": every voxel above 0 has the value 100.0; a T1-weighted image is"
        + " required" + System.lineSeparator(), result.err());
    assertFalse(Files.exists(work.resolve("t.nii.gz")));
  }

  @Test
  void emptyResultIsAnError() throws IOException {
    Path ramp = work.resolve("ramp.nii.gz");
    float[] voxels = new float[512];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = i;
    }
    Nifti.writeFloat(ramp, FloatVolume.wrap(new Grid(new Dimensions(8, 8, 8), Affine.identity()), voxels));
    // A model that finds background everywhere, as MeshNet does on such an image.
    Path model = work.resolve("background.onnx");
    OnnxGraphBuilder b = new OnnxGraphBuilder("background");
    b.input("image", -1, 1, -1, -1, -1);
    String w = b.initializer("w", new float[] {0, 0, 0}, 3, 1, 1, 1, 1);
    String bias = b.initializer("b", new float[] {1, 0, 0}, 3);
    b.node("Conv", "scores", new String[] {"image", w, bias}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("scores", -1, 3, -1, -1, -1);
    Files.write(model, b.build(17, "test"));
    Path output = work.resolve("t.nii.gz");

    CliRunner.Result result = CliRunner.run("tissue", "-i", ramp.toString(), "-o", output.toString(),
        "--model", model.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + ramp + ": the model found no grey or white matter, so nothing was written;"
        + " a T1-weighted brain image is required" + System.lineSeparator(), result.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void defaultModelOfflineNamesCache() {
    Path cache = work.resolve("cache");

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        work.resolve("t.nii.gz").toString(), "--cache-dir", cache.toString(), "--offline");

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: MeshNet grey/white-matter model is not in the cache ("
        + cache.resolve("models/meshnet-gwm/model.onnx") + ") and --offline forbids downloading it from"
        + " https://raw.githubusercontent.com/niivue/niivue-onnx/00fd8b0a87add14bfe249e101dfde96f198cd5ed/public/model.onnx;"
        + " download it there or pass a local copy" + System.lineSeparator(), result.err());
  }

  @Test
  void defaultModelIsReadFromCache() throws IOException {
    // A cached copy with the published digest is used without any download.
    Path cache = work.resolve("cache");
    Path cached = cache.resolve("models/meshnet-gwm/model.onnx");
    Files.createDirectories(cached.getParent());
    Files.copy(TestData.require("models/meshnet-gwm-onnx/model.onnx"), cached);
    Path output = work.resolve("tissue.nii.gz");

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        output.toString(), "--cache-dir", cache.toString(), "--offline", "--no-bias-correction");

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume tissue = Nifti.readLabels(output);
    assertEquals(String.format(Locale.ROOT, "wrote %s: grey matter %.1f mL, white matter %.1f mL (no bias correction)%n",
        output, tissue.histogram()[1] / 1000.0, tissue.histogram()[2] / 1000.0), result.out());
    assertEquals(956.7, tissue.histogram()[1] / 1000.0, 0.05);
  }

  @Test
  void malformedDigestIsUsageError() {
    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        work.resolve("t.nii.gz").toString(), "--model", "model.onnx", "--model-sha256", "xyz");

    assertEquals(2, result.exitCode());
    assertEquals("--model-sha256 must be 64 hex digits but was xyz" + System.lineSeparator()
        + "Run 'brats-ensemble tissue --help' for the options." + System.lineSeparator(), result.err());
  }

  @Test
  void rejectsModelWithTwoChannels() throws IOException {
    Path model = work.resolve("two.onnx");
    OnnxGraphBuilder b = new OnnxGraphBuilder("two");
    b.input("image", -1, 1, -1, -1, -1);
    b.node("Conv", "out", new String[] {"image", b.initializer("w", new float[] {1, 2}, 2, 1, 1, 1, 1)},
        OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("out", -1, 2, -1, -1, -1);
    Files.write(model, b.build(17, "test"));

    CliRunner.Result result = CliRunner.run("tissue", "-i", TestData.require(GLIOMA_T1).toString(), "-o",
        work.resolve("t.nii.gz").toString(), "--model", model.toString(), "--no-bias-correction");

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: model two.onnx output 'out' has 2 channels [-1, 2, -1, -1, -1] but the output"
        + " decoding expects 3" + System.lineSeparator(), result.err());
  }

  /**
   * Builds a stand-in for MeshNet with channels background, white, grey: scores 0.2, 4v - 2 and v,
   * so scaled intensities in (0.2, 0.67) read as grey matter and brighter ones as white.
   */
  private static byte[] rampModel() {
    OnnxGraphBuilder b = new OnnxGraphBuilder("ramp");
    b.input("image", -1, 1, -1, -1, -1);
    String w = b.initializer("w", new float[] {0, 4, 1}, 3, 1, 1, 1, 1);
    String bias = b.initializer("b", new float[] {0.2f, -2, 0}, 3);
    b.node("Conv", "scores", new String[] {"image", w, bias}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("scores", -1, 3, -1, -1, -1);
    return b.build(17, "test");
  }
}
