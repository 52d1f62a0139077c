package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.cli.demo.DemoRun;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.nifti.Nifti;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path work;

  @Test
  void demoMeetsAccuracyTargets() throws Exception {
    List<String> steps = new ArrayList<>();
    DemoRun.Result result = DemoRun.run(work, 1, 2, steps::add);

    for (DemoRun.Alignment alignment : result.alignments()) {
      assertTrue(alignment.initialMeanMm() > 2, alignment.toString());
      assertTrue(alignment.meanMm() < 1.0, alignment.toString());
      assertTrue(alignment.maxMm() < 1.5, alignment.toString());
    }
    Map<String, DemoRun.Score> scores =
        result.scores().stream().collect(Collectors.toMap(DemoRun.Score::name, s -> s));
    assertEquals(List.of("intensity-outlier", "gmm", "region-growing", "majority", "simple", "staple"),
        result.scores().stream().map(DemoRun.Score::name).toList());
    DemoRun.Score simple = scores.get("simple");
    assertTrue(simple.dice().get(Region.WT) >= 0.90, simple.toString());
    assertTrue(simple.dice().get(Region.TC) >= 0.80, simple.toString());
    assertTrue(simple.dice().get(Region.ET) >= 0.75, simple.toString());

    assertArrayEquals(new int[] {0, 1, 2, 3},
        Nifti.readLabels(work.resolve("fusion/simple.nii.gz")).distinctLabels());
    for (String name : List.of("input/phantom-t1n.nii.gz", "input/phantom-seg.nii.gz",
        "segmentations/gmm.nii.gz", "fusion/majority.nii.gz", "fusion/simple.nii.gz", "fusion/staple.nii.gz",
        "fusion/agreement.json", "fusion/agreement.csv")) {
      assertTrue(Files.isRegularFile(work.resolve(name)), name);
    }
  }

  @Test
  void demoPrintsTable() {
    CliRunner.Result result = CliRunner.run("demo", "-o", work.resolve("out").toString(), "--seed", "2");

    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    int header = lines.indexOf("Dice vs truth        kind          WT     TC     ET");
    assertTrue(header > 0, result.out());
    assertTrue(lines.get(header + 1).matches("intensity-outlier    algorithm( +[01]\\.\\d{3}){3}"),
        lines.get(header + 1));
    assertTrue(lines.get(header + 6).startsWith("staple               fusion  "), lines.get(header + 6));
  }

  @Test
  void zeroThreadsIsUsageError() {
    CliRunner.Result result = CliRunner.run("demo", "-o", work.toString(), "--threads", "0");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--threads must be at least 1 but was 0"), result.err());
  }
}
