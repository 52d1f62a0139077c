package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToNativeCommandTest {
  @TempDir
  Path dir;

  private static double dice(LabelVolume a, LabelVolume b) {
    long both = 0;
    long sum = 0;
    for (int i = 0; i < a.voxelCount(); i++) {
      boolean p = a.label(i) != 0;
      boolean q = b.label(i) != 0;
      sum += (p ? 1 : 0) + (q ? 1 : 0);
      both += p && q ? 1 : 0;
    }
    return 2.0 * both / sum;
  }

  @Test
  void brainMaskMapsOntoCentreGrid() throws IOException {
    Path caseFolder = PreprocessedCase.caseFolder();
    Path mask = caseFolder.resolve("TCGA-FG-6692-brain_mask.nii.gz");
    Path out = dir.resolve("native_mask.nii.gz");
    CliRunner.Result result = CliRunner.run("to-native", "--case", caseFolder.toString(), "--segmentation",
        mask.toString(), "-o", out.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(mask + " -> " + out + " (t1c grid 256x224x26)" + System.lineSeparator(), result.out());
    LabelVolume mapped = Nifti.readLabels(out);
    LabelVolume nativeMask = Nifti.readLabels(caseFolder.resolve("native/TCGA-FG-6692-t1c_brain_mask.nii.gz"));
    assertTrue(mapped.grid().matches(nativeMask.grid(), 1e-4));
    double dice = dice(mapped, nativeMask);
    assertTrue(dice >= 0.97, "Dice " + dice);
  }

  @Test
  void sequenceOptionSelectsFlairGrid() throws IOException {
    Path caseFolder = PreprocessedCase.caseFolder();
    Path out = dir.resolve("flair_mask.nii");
    CliRunner.Result result = CliRunner.run("to-native", "--case", caseFolder.toString(), "--segmentation",
        caseFolder.resolve("TCGA-FG-6692-brain_mask.nii.gz").toString(), "-o", out.toString(), "--sequence", "flair");
    assertEquals(0, result.exitCode(), result.err());
    Grid flair = Nifti.read(PreprocessedCase.rawCase().resolve("flair.nii.gz")).grid();
    assertTrue(Nifti.readLabels(out).grid().matches(flair, 1e-4));
  }

  @Test
  void wrongDimensionsRejected() throws IOException {
    Path small = dir.resolve("small.nii.gz");
    Nifti.writeLabels(small, LabelVolume.zeros(new Grid(new Dimensions(10, 10, 10), Affine.identity())));
    CliRunner.Result result = CliRunner.run("to-native", "--case", PreprocessedCase.caseFolder().toString(),
        "--segmentation", small.toString(), "-o", dir.resolve("x.nii.gz").toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + small + ": dimensions are 10x10x10 but a BraTS-space label map of 240x240x155"
        + " is expected" + System.lineSeparator(), result.err());
  }

  @Test
  void folderWithoutManifestRejected() throws IOException {
    Path seg = dir.resolve("seg.nii.gz");
    Nifti.writeLabels(seg, LabelVolume.zeros(Grid.BRATS));
    CliRunner.Result result = CliRunner.run("to-native", "--case", dir.toString(), "--segmentation", seg.toString(),
        "-o", dir.resolve("x.nii.gz").toString(), "--sequence", "t1c");
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + dir + " has no manifest.json; it is not a preprocessed case folder or its"
        + " preprocessing did not finish" + System.lineSeparator(), result.err());
  }
}
