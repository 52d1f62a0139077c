package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output-name and output-folder checks shared by the commands that write files, and their exit codes. */
class OutputPathsTest {
  private static final Grid GRID = new Grid(new Dimensions(4, 4, 4), Affine.identity());

  @TempDir
  Path dir;

  private Path image;
  private Path labels;
  private Path transform;
  private byte[] imageBytes;

  @BeforeEach
  void writeInputs() throws IOException {
    float[] values = new float[GRID.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    image = dir.resolve("image.nii.gz");
    Nifti.writeFloat32(image, FloatVolume.wrap(GRID, values));
    labels = dir.resolve("labels.nii.gz");
    Nifti.writeLabels(labels, LabelVolume.wrap(GRID, new byte[GRID.voxelCount()]));
    transform = dir.resolve("identity.mat");
    TransformFiles.write(transform, AffineTransform.identity());
    imageBytes = Files.readAllBytes(image);
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  private static String oneLine(CliRunner.Result result) {
    return result.err().replace(System.lineSeparator(), "\n");
  }

  @Test
  void registerResampledMustNotBeInput() throws IOException {
    CliRunner.Result result = CliRunner.run("register", "--fixed", image.toString(), "--moving", labels.toString(),
        "-o", dir.resolve("t.mat").toString(), "--resampled", labels.toString());

    assertEquals(2, result.exitCode());
    assertEquals("--resampled and --moving are the same file " + labels
        + "; choose another output name so the input is not modified", firstLine(result.err()));
    CliRunner.Result fixed = CliRunner.run("register", "--fixed", image.toString(), "--moving", labels.toString(),
        "-o", dir.resolve("t.mat").toString(), "--resampled", dir.resolve("./image.nii.gz").toString());
    assertEquals(2, fixed.exitCode());
    assertEquals("--resampled and --fixed are the same file " + dir.resolve("./image.nii.gz")
        + "; choose another output name so the input is not modified", firstLine(fixed.err()));
    assertArrayEquals(imageBytes, Files.readAllBytes(image));
  }

  @Test
  void registerOutputFolderMustExist() {
    Path output = dir.resolve("absent/t.mat");
    CliRunner.Result result = CliRunner.run("register", "--fixed", image.toString(), "--moving", labels.toString(),
        "-o", output.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: -o " + output + ": output folder " + dir.resolve("absent") + " does not exist\n",
        oneLine(result));
  }

  @Test
  void registerMissingInputIsProcessingError() {
    Path absent = dir.resolve("absent.nii.gz");
    CliRunner.Result result = CliRunner.run("register", "--fixed", absent.toString(), "--moving", labels.toString(),
        "-o", dir.resolve("t.mat").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: fixed image not found: " + absent + "\n", oneLine(result));
  }

  @Test
  void applyTransformOutputMustNotBeInput() throws IOException {
    CliRunner.Result reference = CliRunner.run("apply-transform", "-i", labels.toString(), "-r", image.toString(),
        "-o", image.toString());
    assertEquals(2, reference.exitCode());
    assertEquals("-o and -r are the same file " + image
        + "; choose another output name so the input is not modified", firstLine(reference.err()));

    CliRunner.Result input = CliRunner.run("apply-transform", "-i", image.toString(), "-r", labels.toString(),
        "-o", image.toString());
    assertEquals(2, input.exitCode());
    assertEquals("-o and -i are the same file " + image
        + "; choose another output name so the input is not modified", firstLine(input.err()));

    CliRunner.Result transformFile = CliRunner.run("apply-transform", "-i", image.toString(), "-r",
        image.toString(), "-t", labels + ",inverse", "-o", labels.toString());
    assertEquals(2, transformFile.exitCode());
    assertEquals("-o and -t are the same file " + labels
        + "; choose another output name so the input is not modified", firstLine(transformFile.err()));
    assertArrayEquals(imageBytes, Files.readAllBytes(image));
  }

  @Test
  void applyTransformOutputNeedsNiftiName() {
    Path output = dir.resolve("out.mat");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", image.toString(), "-r", image.toString(),
        "-o", output.toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o " + output + " must end in .nii or .nii.gz", firstLine(result.err()));
    assertFalse(Files.exists(output));
  }

  @Test
  void applyTransformRejectsFiveDimensionalReference() {
    Path fiveD = TestData.require("nifti-edge-cases/5D_small.nii");
    Path output = dir.resolve("out.nii.gz");
    CliRunner.Result reference = CliRunner.run("apply-transform", "-i", image.toString(), "-r", fiveD.toString(),
        "-o", output.toString());

    assertEquals(1, reference.exitCode());
    assertEquals("brats-ensemble: " + fiveD + ": expected a 3-D reference image but found shape 1x2x3x1x3 (3 volumes)\n",
        oneLine(reference));
    CliRunner.Result input = CliRunner.run("apply-transform", "-i", fiveD.toString(), "-r", image.toString(),
        "-o", output.toString());
    assertEquals(1, input.exitCode());
    assertEquals("brats-ensemble: " + fiveD + ": expected a 3-D image but found shape 1x2x3x1x3 (3 volumes)\n", oneLine(input));
    assertFalse(Files.exists(output));
  }

  @Test
  void applyTransformMissingInputIsProcessingError() {
    Path absent = dir.resolve("absent.nii.gz");
    CliRunner.Result result = CliRunner.run("apply-transform", "-i", absent.toString(), "-r", image.toString(),
        "-o", dir.resolve("out.nii.gz").toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: input image not found: " + absent + "\n", oneLine(result));
  }

  @Test
  void convertOutputFolderMustBeFolder() {
    Path output = labels.resolve("out.nii.gz");
    CliRunner.Result result = CliRunner.run("convert", image.toString(), output.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: OUT " + output + ": " + labels + " is not a folder\n", oneLine(result));
  }

  @Test
  void convertOutputMustNotBeInput() throws IOException {
    CliRunner.Result result = CliRunner.run("convert", image.toString(), dir.resolve("x/../image.nii.gz").toString());

    assertEquals(2, result.exitCode());
    assertEquals("OUT and IN are the same file " + dir.resolve("x/../image.nii.gz")
        + "; choose another output name so the input is not modified", firstLine(result.err()));
    assertArrayEquals(imageBytes, Files.readAllBytes(image));
  }

  @Test
  void toNativeOutputMustNotBeSegmentation() {
    CliRunner.Result result = CliRunner.run("to-native", "--case", dir.toString(), "--segmentation",
        labels.toString(), "--sequence", "t1", "-o", labels.toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o and --segmentation are the same file " + labels
        + "; choose another output name so the input is not modified", firstLine(result.err()));
  }

  @Test
  void brainExtractOutputMustNotBeInput() {
    CliRunner.Result result = CliRunner.run("brain-extract", "-i", image.toString(), "-o", image.toString(),
        "--model", dir.resolve("model.onnx").toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o and -i are the same file " + image
        + "; choose another output name so the input is not modified", firstLine(result.err()));
  }

  @Test
  void segmentOutputMustNotBeCaseFolder() {
    CliRunner.Result result = CliRunner.run("segment", dir.toString(), "-o", dir.toString());

    assertEquals(2, result.exitCode());
    assertEquals("-o and CASE_DIR are the same folder " + dir
        + "; choose another output folder so the case folder is not modified", firstLine(result.err()));
  }

  @Test
  void infoPrintsGoodFilesAndErrors() {
    Path absent = dir.resolve("absent.nii.gz");
    CliRunner.Result result = CliRunner.run("info", labels.toString(), absent.toString());

    assertEquals(1, result.exitCode());
    assertEquals(labels.toString(), firstLine(result.out()));
    assertEquals("brats-ensemble: " + absent + ": file not found\n", oneLine(result));
  }

  @Test
  void infoJsonListsErrorObjects() throws IOException {
    Path absent = dir.resolve("absent.nii.gz");
    CliRunner.Result result = CliRunner.run("info", "--json", absent.toString(), labels.toString());

    assertEquals(1, result.exitCode());
    assertEquals("", result.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
    assertEquals(2, json.size());
    assertEquals(absent.toString(), json.get(0).get("file").asText());
    assertEquals(absent + ": file not found", json.get(0).get("error").asText());
    assertEquals(labels.toString(), json.get(1).get("file").asText());
    assertFalse(json.get(1).has("error"));
  }

  @Test
  void phantomRejectsNegativeSeed() {
    CliRunner.Result result = CliRunner.run("phantom", "-o", dir.resolve("p").toString(), "--seed", "-5");

    assertEquals(2, result.exitCode());
    assertEquals("--seed must be 0 or more but was -5", firstLine(result.err()));
    assertFalse(Files.exists(dir.resolve("p")));
  }
}
