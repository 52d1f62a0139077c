package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code run --preprocessed} end to end on a synthetic phantom case with ground truth, using
 * the two fastest built-in algorithms and one ONNX algorithm whose model file is missing.
 */
class RunCommandTest {
  private static final String REGISTRY = """
      {"algorithms": [
        {"id": "region-growing", "name": "Region growing", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "builtin", "labels": "brats2021", "gpu": "none", "enabled": true,
         "algorithm": "region-growing"},
        {"id": "intensity-outlier", "name": "Outliers", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "builtin", "labels": "brats2021", "gpu": "none", "enabled": true,
         "algorithm": "intensity-outlier"},
        {"id": "onnx-model", "name": "An ONNX model", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "onnx", "labels": "brats2023", "gpu": "optional", "enabled": true,
         "model": "model.onnx"}
      ]}
      """;

  @TempDir
  static Path shared;

  private static Path input;
  private static Path registry;
  private static Path output;
  private static CliRunner.Result first;

  @BeforeAll
  static void runOnce() throws IOException {
    input = shared.resolve("cases");
    writeSkullStrippedPhantom(input.resolve("phantom-7"));
    Files.createDirectories(input.resolve("broken"));
    Files.copy(input.resolve("phantom-7/phantom-7-t1c.nii.gz"), input.resolve("broken/broken-t1c.nii.gz"));
    Files.createDirectories(input.resolve("notes"));
    registry = shared.resolve("algorithms.json");
    Files.writeString(registry, REGISTRY);
    output = shared.resolve("out");

    first = CliRunner.run("run", input.toString(), "--preprocessed", "-o", output.toString(), "--algorithms",
        registry.toString(), "--jobs", "2", "--fusion", "simple,majority");
  }

  /** Writes phantom 7 with every sequence masked by its brain mask, as preprocessed BraTS inputs are. */
  private static void writeSkullStrippedPhantom(Path folder) throws IOException {
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

  @Test
  void failedCaseGivesExitOne() {
    assertEquals(1, first.exitCode(), first.err());
    String[] lines = first.out().split("\n");
    assertTrue(lines[0].startsWith("broken: failed ("), lines[0]);
    assertEquals("phantom-7: ok", lines[1]);
    assertEquals("summary: " + output.resolve("summary.csv"), lines[2]);
    assertTrue(first.err().contains("skipped " + input.resolve("notes")
        + ": no NIfTI image, anat folder or DICOM series inside"), first.err());
  }

  @Test
  void layoutHoldsEveryOutput() {
    Path caseDir = output.resolve("phantom-7");
    for (String file : List.of("segmentations/region-growing.nii.gz", "segmentations/intensity-outlier.nii.gz",
        "fusion/simple.nii.gz", "fusion/majority.nii.gz", "fusion/simple-agreement.json", "fusion/simple-agreement.csv",
        "fusion/simple-entropy.nii.gz", "report/index.html", "report/evaluation.csv", "report/evaluation.json",
        "run-manifest.json")) {
      assertTrue(Files.isRegularFile(caseDir.resolve(file)), "missing " + file);
    }
    assertFalse(Files.exists(caseDir.resolve("native")), "--preprocessed inputs need no native-space mapping");
    assertTrue(Files.isRegularFile(output.resolve("summary.csv")));
  }

  @Test
  void summaryListsEveryAlgorithm() throws IOException {
    List<String> csv = Files.readAllLines(output.resolve("summary.csv"));

    assertEquals("case,algorithm,status,seconds,device,reason,volume_wt_ml,volume_tc_ml,volume_et_ml,"
        + "dice_wt,dice_tc,dice_et,truth_dice_wt,truth_dice_tc,truth_dice_et", csv.get(0));
    assertEquals(5, csv.size());
    assertTrue(csv.get(1).startsWith("phantom-7,region-growing,ok,"), csv.get(1));
    assertTrue(csv.get(2).startsWith("phantom-7,intensity-outlier,ok,"), csv.get(2));
    assertTrue(csv.get(3).startsWith("phantom-7,onnx-model,skipped,0.0,cpu,model unavailable: "
        + shared.resolve("model.onnx") + ": model file not found"), csv.get(3));
    assertTrue(csv.get(4).startsWith("phantom-7,consensus:simple,ok,,,,"), csv.get(4));
    // Every algorithm row that produced a segmentation has three truth Dice values.
    assertEquals(15, csv.get(1).split(",", -1).length);
    assertFalse(csv.get(1).endsWith(",,,"), csv.get(1));
  }

  @Test
  void summaryJsonRanksAgainstTruth() throws IOException {
    JsonNode json = new ObjectMapper().readTree(output.resolve("summary.json").toFile());

    assertFalse(json.get("ok").asBoolean());
    assertEquals(2, json.get("cases").size());
    assertEquals("broken", json.get("cases").get(0).get("caseId").asText());
    assertTrue(json.get("cases").get(1).get("hasTruth").asBoolean());
    JsonNode ranking = json.get("ranking");
    assertEquals(2, ranking.size());
    double best = ranking.get(0).get("meanDiceVsTruth").asDouble();
    double second = ranking.get(1).get("meanDiceVsTruth").asDouble();
    assertTrue(best >= second, ranking.toString());
    assertTrue(best > 0.3, "built-in algorithms should find the phantom tumour: " + ranking);
    assertEquals(1, ranking.get(0).get("truthCases").asInt());
    assertEquals(json.get("command").asText(), "brats-ensemble run " + input + " --preprocessed -o " + output
        + " --algorithms " + registry + " --jobs 2 --fusion simple,majority");
  }

  @Test
  void secondRunReusesCompleteCase() throws IOException {
    Path report = output.resolve("phantom-7/report/index.html");
    FileTime before = Files.getLastModifiedTime(report);

    CliRunner.Result again = CliRunner.run("run", input.resolve("phantom-7").toString(), "--preprocessed", "-o",
        output.toString(), "--algorithms", registry.toString(), "--fusion", "simple,majority", "--json");

    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("[phantom-7] complete in an earlier run; reused"), again.err());
    assertEquals(before, Files.getLastModifiedTime(report));
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertTrue(json.get("ok").asBoolean());
    assertEquals(1, json.get("cases").size());
  }

  @Test
  void zeroJobsIsUsageError() {
    CliRunner.Result result = CliRunner.run("run", input.toString(), "-o", output.toString(), "--jobs", "0",
        "--algorithms", registry.toString());

    assertEquals(2, result.exitCode());
    assertEquals("--jobs must be at least 1 but was 0", result.err().lines().findFirst().orElse(""));
  }

  @Test
  void duplicateCaseIdsAreUsageError() throws IOException {
    Path batch = shared.resolve("duplicates");
    for (String generic : List.of("input", "raw")) {
      Files.createDirectories(batch.resolve(generic));
      Files.copy(input.resolve("phantom-7/phantom-7-t1c.nii.gz"), batch.resolve(generic + "/t1c.nii.gz"));
    }

    CliRunner.Result result = CliRunner.run("run", batch.toString(), "--preprocessed", "-o",
        shared.resolve("out-duplicates").toString(), "--algorithms", registry.toString());

    assertEquals(2, result.exitCode(), result.err());
    assertEquals("case folders " + batch.resolve("input") + " and " + batch.resolve("raw")
        + " both get the case id 'duplicates'; rename one of them or run them separately",
        result.err().lines().findFirst().orElse(""));
    assertFalse(Files.exists(shared.resolve("out-duplicates/summary.csv")));
  }

  @Test
  void unknownFusionIsUsageError() {
    CliRunner.Result result = CliRunner.run("run", input.toString(), "-o", output.toString(), "--fusion", "vote",
        "--algorithms", registry.toString());

    assertEquals(2, result.exitCode());
    assertTrue(result.err().lines().findFirst().orElse("").startsWith("--fusion: "), result.err());
  }
}
