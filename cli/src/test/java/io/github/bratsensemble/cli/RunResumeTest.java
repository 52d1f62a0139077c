package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.algorithms.phantom.PhantomWriter;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --preprocessed} on phantom cases: which steps a resumed run redoes, brain masks in the
 * case folder, unstripped inputs, Docker images that are not present, and {@code --only} checks.
 */
class RunResumeTest {
  private static final String REGISTRY = """
      {"algorithms": [
        {"id": "region-growing", "name": "Region growing", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "builtin", "labels": "brats2021", "gpu": "none", "enabled": true,
         "algorithm": "region-growing"},
        {"id": "intensity-outlier", "name": "Outliers", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "builtin", "labels": "brats2021", "gpu": "none", "enabled": true,
         "algorithm": "intensity-outlier"},
        {"id": "absent-image", "name": "A Docker image", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "docker", "labels": "brats2023", "gpu": "none", "enabled": true,
         "image": "brats-ensemble-test/absent-image:0", "command": "", "input": "gz-b17", "mountpoint": "/data",
         "memoryLimit": "1g", "timeout": 60}
      ]}
      """;

  @TempDir
  Path dir;

  private Path registry() throws IOException {
    Path registry = dir.resolve("algorithms.json");
    Files.writeString(registry, REGISTRY);
    return registry;
  }

  /** Writes phantom 7 with every sequence masked by its brain mask, and no mask file. */
  private static void writeSkullStripped(Path folder) throws IOException {
    List<Path> files = PhantomWriter.write(PhantomGenerator.generate(PhantomOptions.ofSeed(7)), folder, "phantom-7");
    byte[] brain = Nifti.readLabels(files.get(5)).labelArray();
    for (Path sequence : files.subList(0, 4)) {
      FloatVolume image = Nifti.readFloat(sequence);
      float[] voxels = image.voxelArray();
      for (int i = 0; i < voxels.length; i++) {
        if (brain[i] == 0) {
          voxels[i] = 0;
        }
      }
      Nifti.writeFloat(sequence, image);
    }
    Files.delete(files.get(5));
  }

  private static long nonZero(float[] voxels) {
    long count = 0;
    for (float v : voxels) {
      count += v != 0 ? 1 : 0;
    }
    return count;
  }

  private CliRunner.Result run(Path caseFolder, Path output, String only, String fusion) throws IOException {
    return CliRunner.run("run", caseFolder.toString(), "--preprocessed", "-o", output.toString(), "--algorithms",
        registry().toString(), "--only", only, "--fusion", fusion);
  }

  @Test
  void addedAlgorithmAndFusionAreProduced() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    writeSkullStripped(phantom);
    Path out = dir.resolve("out");
    CliRunner.Result first = run(phantom, out, "intensity-outlier", "simple");
    assertEquals(0, first.exitCode(), first.err());

    CliRunner.Result second = run(phantom, out, "intensity-outlier,region-growing", "simple,majority");

    assertEquals(0, second.exitCode(), second.err());
    assertFalse(second.err().contains("complete in an earlier run"), second.err());
    assertTrue(second.err().contains("[phantom-7] segment intensity-outlier: reused"), second.err());
    assertTrue(Files.isRegularFile(out.resolve("phantom-7/segmentations/region-growing.nii.gz")));
    assertTrue(Files.isRegularFile(out.resolve("phantom-7/fusion/majority.nii.gz")));
    List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
    assertTrue(csv.get(1).startsWith("phantom-7,intensity-outlier,reused,"), csv.get(1));
    assertTrue(csv.get(2).startsWith("phantom-7,region-growing,ok,"), csv.get(2));
  }

  @Test
  void changedInputIsSegmentedAgain() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    writeSkullStripped(phantom);
    Path out = dir.resolve("out");
    assertEquals(0, run(phantom, out, "intensity-outlier", "simple").exitCode());
    Path segmentation = out.resolve("phantom-7/segmentations/intensity-outlier.nii.gz");
    FileTime before = Files.getLastModifiedTime(segmentation);
    Path flair = phantom.resolve("phantom-7-t2f.nii.gz");
    Files.setLastModifiedTime(flair, FileTime.fromMillis(Files.getLastModifiedTime(flair).toMillis() + 5000));

    CliRunner.Result again = run(phantom, out, "intensity-outlier", "simple");

    assertEquals(0, again.exitCode(), again.err());
    assertFalse(again.err().contains("reused"), again.err());
    assertNotEquals(before, Files.getLastModifiedTime(segmentation));
  }

  @Test
  void unchangedCaseIsReused() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    writeSkullStripped(phantom);
    Path out = dir.resolve("out");
    assertEquals(0, run(phantom, out, "intensity-outlier", "simple").exitCode());

    CliRunner.Result again = run(phantom, out, "intensity-outlier", "simple");

    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("[phantom-7] complete in an earlier run; reused"), again.err());
  }

  @Test
  void brainMaskFileIsUsed() throws IOException {
    Path phantom = dir.resolve("phantom-3");
    PhantomWriter.write(PhantomGenerator.generate(PhantomOptions.ofSeed(3)), phantom, "phantom-3");
    Path out = dir.resolve("out");

    CliRunner.Result result = run(phantom, out, "intensity-outlier", "simple");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.err().contains("[phantom-3] brain mask phantom-3-brainmask.nii.gz"), result.err());
    long brain = nonZero(Nifti.readFloat(out.resolve("phantom-3/preprocessed/phantom-3-t1n.nii.gz")).voxelArray());
    long head = nonZero(Nifti.readFloat(phantom.resolve("phantom-3-t1n.nii.gz")).voxelArray());
    long inMask = Nifti.readLabels(phantom.resolve("phantom-3-brainmask.nii.gz")).voxelCount()
        - Nifti.readLabels(phantom.resolve("phantom-3-brainmask.nii.gz")).histogram()[0];
    assertTrue(brain <= inMask, "masked T1 has " + brain + " non-zero voxels, the mask " + inMask);
    assertTrue(brain < head / 2, "masked T1 has " + brain + " non-zero voxels, the head " + head);
    String row = Files.readAllLines(out.resolve("summary.csv")).get(1);
    double wtMl = Double.parseDouble(row.split(",")[6]);
    double truthDiceWt = Double.parseDouble(row.split(",")[12]);
    assertTrue(wtMl < 300, row);
    assertTrue(truthDiceWt > 0.5, row);
  }

  @Test
  void unstrippedInputsFailTheCase() throws IOException {
    Path phantom = dir.resolve("phantom-3");
    PhantomWriter.write(PhantomGenerator.generate(PhantomOptions.ofSeed(3)), phantom, "phantom-3");
    Files.delete(phantom.resolve("phantom-3-brainmask.nii.gz"));

    CliRunner.Result result = run(phantom, dir.resolve("out"), "intensity-outlier", "simple");

    assertEquals(1, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("phantom-3: failed (the inputs do not look skull-stripped: "
        + phantom.resolve("phantom-3-t1n.nii.gz") + " has "), result.out());
    assertTrue(result.out().contains(" mL of non-zero voxels, more than the 2500 mL of a brain; add a brain mask"
        + " (<case>-brainmask.nii.gz) to the case folder, or run without --preprocessed to skull-strip it)"),
        result.out());
  }

  @Test
  void absentDockerImageIsSkipped() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    writeSkullStripped(phantom);
    Path out = dir.resolve("out");

    CliRunner.Result result = run(phantom, out, "intensity-outlier,absent-image", "simple");

    assertEquals(0, result.exitCode(), result.err());
    String row = Files.readAllLines(out.resolve("summary.csv")).get(2);
    assumeTrue(!row.contains("Docker"), "no Docker engine here: " + row);
    assertTrue(row.startsWith("phantom-7,absent-image,skipped,0.0,cpu,image brats-ensemble-test/absent-image:0 is not"
        + " present locally; pull it with `docker pull brats-ensemble-test/absent-image:0` or build it,"), row);
  }

  @Test
  void dockerClientLogsAreOff() {
    // docker-java logs a stack trace at ERROR for failed calls that the segmentor reports itself.
    assertFalse(org.slf4j.LoggerFactory.getLogger("com.github.dockerjava.core.DefaultInvocationBuilder")
        .isErrorEnabled());
  }

  @Test
  void unknownOnlyIdIsUsageError() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    Files.createDirectories(phantom);
    Path registry = registry();

    CliRunner.Result result = run(phantom, dir.resolve("out"), "intensity-outlier,nonsense", "simple");

    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("--only: unknown algorithm id(s) nonsense; known ids in " + registry
        + ": region-growing, intensity-outlier, absent-image"), result.err());
  }

  @Test
  void emptyOnlyIsUsageError() throws IOException {
    Path phantom = dir.resolve("phantom-7");
    Files.createDirectories(phantom);

    CliRunner.Result result = run(phantom, dir.resolve("out"), "", "simple");

    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("--only needs at least one algorithm id"), result.err());
  }
}
