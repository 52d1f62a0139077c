package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.algorithms.phantom.PhantomWriter;
import io.github.bratsensemble.imaging.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with preprocessing on a misaligned phantom (T1c, T2 and FLAIR moved; T1 and the
 * truth in place), offline with an explicit atlas and an empty download cache.
 */
class RunPreprocessTest {
  private static final String REGISTRY = """
      {"algorithms": [
        {"id": "intensity-outlier", "name": "Outliers", "authors": ["t"], "citation": "", "year": 2026,
         "task": "glioma", "kind": "builtin", "labels": "brats2021", "gpu": "none", "enabled": true,
         "algorithm": "intensity-outlier"}
      ]}
      """;

  @TempDir
  Path dir;

  @Test
  void misalignedTruthIsMappedExactly() throws IOException {
    Path atlas = TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");
    Path phantom = dir.resolve("phantom-5");
    PhantomWriter.write(PhantomGenerator.generate(new PhantomOptions(5, false, true, false)), phantom, "phantom-5");
    Path registry = dir.resolve("algorithms.json");
    Files.writeString(registry, REGISTRY);
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path out = dir.resolve("out");
    String[] args = {"run", phantom.toString(), "-o", out.toString(), "--algorithms", registry.toString(),
        "--atlas", atlas.toString(), "--offline", "--cache-dir", cache.toString(), "--json"};

    CliRunner.Result result = CliRunner.run(args);

    assertEquals(0, result.exitCode(), result.err());
    JsonNode caseNode = new ObjectMapper().readTree(result.out()).get("cases").get(0);
    double wt = caseNode.get("consensusDiceVsTruth").get("WT").asDouble();
    assertTrue(wt > 0.8, "consensus WT Dice against the truth: " + caseNode + "\n" + result.err());
    assertTrue(result.err().contains("mapped into BraTS space through the t1n transform"), result.err());
    assertFalse(Files.exists(out.resolve("phantom-5/.preprocessing")));
    try (var files = Files.list(cache)) {
      assertEquals(0, files.count(), "--offline must download nothing into the cache");
    }

    // A changed input is preprocessed again.
    Path t1 = phantom.resolve("phantom-5-t1n.nii.gz");
    Files.setLastModifiedTime(t1, FileTime.fromMillis(Files.getLastModifiedTime(t1).toMillis() + 5000));
    CliRunner.Result again = CliRunner.run(args);

    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("[phantom-5] preprocess: ok"), again.err());
    assertTrue(again.err().contains("[phantom-5] segment intensity-outlier: ok"), again.err());
  }
}
