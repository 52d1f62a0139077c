package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomCommandTest {

  @Test
  void phantomWritesCaseFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("case");

    CliRunner.Result result = CliRunner.run("phantom", "-o", out.toString(), "--seed", "2");

    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(7, lines.size(), result.out());
    assertEquals("wrote " + out.resolve("phantom-2-t1n.nii.gz"), lines.get(0));
    assertEquals("wrote " + out.resolve("phantom-2-t2f.nii.gz"), lines.get(3));
    assertEquals("wrote " + out.resolve("phantom-2-seg.nii.gz"), lines.get(4));
    assertEquals("wrote " + out.resolve("phantom-2-brainmask.nii.gz"), lines.get(5));
    assertEquals("truth (BraTS 2023 labels): WT 51.9 mL, TC 6.5 mL, ET 4.9 mL", lines.get(6));
    LabelVolume seg = Nifti.readLabels(out.resolve("phantom-2-seg.nii.gz"));
    assertArrayEquals(new int[] {0, 1, 2, 3}, seg.distinctLabels());
    assertEquals("240x240x155", seg.grid().dimensions().toString());
  }

  @Test
  void anisotropicOptionWritesThickSlices(@TempDir Path dir) throws Exception {
    CliRunner.Result result = CliRunner.run(
        "phantom", "-o", dir.toString(), "--seed", "5", "--anisotropic", "--misalign", "--case-id", "demo");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("240x240x31", Nifti.readFloat(dir.resolve("demo-t2f.nii.gz")).grid().dimensions().toString());
    assertEquals("240x240x155", Nifti.readFloat(dir.resolve("demo-t1c.nii.gz")).grid().dimensions().toString());
  }

  @Test
  void outputThatIsFileFails(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    CliRunner.Result result = CliRunner.run("phantom", "-o", file.toString());

    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + file + " exists and is not a folder; the phantom needs an output folder\n",
        result.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void invalidCaseIdIsUsageError(@TempDir Path dir) {
    CliRunner.Result result = CliRunner.run("phantom", "-o", dir.toString(), "--case-id", "a/b");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith(
        "invalid --case-id 'a/b': use letters, digits, '.', '_' and '-', starting with a letter or digit"),
        result.err());
  }

  @Test
  void missingOutputIsUsageError() {
    CliRunner.Result result = CliRunner.run("phantom", "--seed", "3");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("Missing required option: '--output=DIR'"), result.err());
  }
}
