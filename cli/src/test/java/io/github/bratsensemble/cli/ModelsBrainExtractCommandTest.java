package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxGraphBuilder;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsBrainExtractCommandTest {
  @TempDir
  Path work;

  @Test
  void importTfjsWritesOnnx() throws IOException {
    Path mindGrab = TestData.require("models/mindgrab-tfjs");
    Path output = work.resolve("mindgrab.onnx");

    CliRunner.Result result = CliRunner.run("models", "import-tfjs", mindGrab.toString(), "-o", output.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("wrote " + output + ": 51 layers, 1 input channel(s), 2 output channel(s)" + System.lineSeparator(),
        result.out());
    try (OnnxModel model = OnnxModel.load(output, ExecutionOptions.cpu(1))) {
      assertArrayEquals(new long[] {-1, 1, -1, -1, -1}, model.signature().inputShape());
      assertArrayEquals(new long[] {-1, 2, -1, -1, -1}, model.signature().outputShape());
    }
    OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(output));
    assertEquals(26, proto.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Conv")).count());
    assertEquals(25, proto.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Erf")).count());
  }

  @Test
  void importTfjsReportsMissingModel() {
    Path missing = work.resolve("nothing");

    CliRunner.Result result = CliRunner.run("models", "import-tfjs", missing.toString(), "-o", work.resolve("x.onnx").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + missing.resolve("model.json") + ": TensorFlow.js model.json not found"
        + System.lineSeparator(), result.err());
  }

  @Test
  void modelsWithoutSubcommandIsUsageError() {
    CliRunner.Result result = CliRunner.run("models");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("a subcommand is required: import-tfjs"), result.err());
  }

  @Test
  void brainExtractWritesMaskOnInputGrid() throws IOException {
    // A stand-in for MindGrab: brain where the scaled intensity exceeds 0.1 (logit 10 * (v - 0.1)).
    Path model = work.resolve("threshold.onnx");
    Files.write(model, thresholdModel());
    Path atlasFile = TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");
    Path output = work.resolve("mask.nii.gz");

    CliRunner.Result result = CliRunner.run("brain-extract", "-i", atlasFile.toString(), "-o", output.toString(),
        "--model", model.toString(), "--threads", "2", "--cache-dir", work.resolve("cache").toString());

    assertEquals(0, result.exitCode(), result.err());
    LabelVolume mask = Nifti.readLabels(output);
    FloatVolume atlas = Nifti.readFloat(atlasFile);
    assertTrue(mask.grid().matches(atlas.grid(), Grid.DEFAULT_TOLERANCE_MM), mask.grid().describeDifference(atlas.grid(), 1e-3));
    long brain = mask.histogram()[1];
    assertEquals(String.format(java.util.Locale.ROOT, "wrote %s: brain %d voxels, %.1f mL%n", output, brain, brain / 1000.0),
        result.out());
    long both = 0;
    long reference = 0;
    for (int i = 0; i < mask.voxelCount(); i++) {
      boolean inAtlas = atlas.value(i) > 0;
      reference += inAtlas ? 1 : 0;
      both += inAtlas && mask.label(i) == 1 ? 1 : 0;
    }
    double dice = 2.0 * both / (brain + reference);
    assertTrue(dice > 0.9, "Dice " + dice);
  }

  @Test
  void brainExtractRejectsMissingModel() {
    Path atlasFile = TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");
    Path missing = work.resolve("absent.onnx");

    CliRunner.Result result = CliRunner.run("brain-extract", "-i", atlasFile.toString(), "-o",
        work.resolve("mask.nii.gz").toString(), "--model", missing.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + missing + ": model file not found" + System.lineSeparator(), result.err());
    assertFalse(Files.exists(work.resolve("mask.nii.gz")));
  }

  @Test
  void brainExtractRejectsEmptyImage() throws IOException {
    Path zeros = work.resolve("zeros.nii.gz");
    Nifti.writeFloat(zeros, FloatVolume.wrap(new Grid(new Dimensions(8, 8, 8), Affine.identity()), new float[512]));
    Path model = work.resolve("threshold.onnx");
    Files.write(model, thresholdModel());

    CliRunner.Result result = CliRunner.run("brain-extract", "-i", zeros.toString(), "-o",
        work.resolve("mask.nii.gz").toString(), "--model", model.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + zeros + ": no voxel is above 0; an MR image of a head is required"
        + System.lineSeparator(), result.err());
    assertFalse(Files.exists(work.resolve("mask.nii.gz")));
  }

  @Test
  void brainExtractDefaultModelOfflineNamesCache() {
    Path cache = work.resolve("cache");

    CliRunner.Result result = CliRunner.run("brain-extract", "-i",
        TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz").toString(), "-o",
        work.resolve("mask.nii.gz").toString(), "--cache-dir", cache.toString(), "--offline");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().startsWith("brats-ensemble: MindGrab weights file is not in the cache ("
        + cache.resolve("models/mindgrab-tfjs/model.bin") + ") and --offline forbids downloading it"), result.err());
  }

  @Test
  void brainExtractRejectsWrongChannels() throws IOException {
    Path model = work.resolve("three.onnx");
    OnnxGraphBuilder b = new OnnxGraphBuilder("three");
    b.input("image", -1, 1, -1, -1, -1);
    b.node("Conv", "out", new String[] {"image", b.initializer("w", new float[] {1, 2, 3}, 3, 1, 1, 1, 1)},
        OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("out", -1, 3, -1, -1, -1);
    Files.write(model, b.build(17, "test"));
    Path atlasFile = TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");

    CliRunner.Result result = CliRunner.run("brain-extract", "-i", atlasFile.toString(), "-o",
        work.resolve("mask.nii.gz").toString(), "--model", model.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: model three.onnx output 'out' has 3 channels [-1, 3, -1, -1, -1] but the output"
        + " decoding expects 2" + System.lineSeparator(), result.err());
  }

  private static byte[] thresholdModel() {
    OnnxGraphBuilder b = new OnnxGraphBuilder("threshold");
    b.input("image", -1, 1, -1, -1, -1);
    String w = b.initializer("w", new float[] {0, 10}, 2, 1, 1, 1, 1);
    String bias = b.initializer("b", new float[] {0, -1}, 2);
    b.node("Conv", "logits", new String[] {"image", w, bias}, OnnxGraphBuilder.ints("kernel_shape", 1, 1, 1));
    b.output("logits", -1, 2, -1, -1, -1);
    return b.build(17, "test");
  }
}
