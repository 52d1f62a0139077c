package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgorithmsCommandTest {
  private static final String REGISTRY = Path.of("..", "algorithms.json").toString();

  @Test
  void listShowsEveryEntry() {
    CliRunner.Result result = CliRunner.run("algorithms", "list", "--algorithms", REGISTRY);
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).matches("id +kind +gpu +enabled +labels +name"), lines.get(0));
    assertTrue(lines.get(1).matches("reference +docker +none +no +brats2021 +brats-ensemble reference container.*"),
        lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.matches("mic-dkfz +docker +required +no +brats2021 +MIC-DKFZ \\(BraTS 2018\\)")),
        result.out());
  }

  @Test
  void showPrintsDockerSettings() {
    CliRunner.Result result = CliRunner.run("algorithms", "show", "sanet0-20", "--algorithms", REGISTRY);
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains("image:        brats/sanet0-20"), result.out());
    assertTrue(lines.contains("input mount:  /app/data/ (writable)"), result.out());
    assertTrue(lines.contains("output mount: /app/data/results"), result.out());
    assertTrue(lines.contains("shm size:     137438953472 bytes"), result.out());
    assertTrue(lines.contains("user:         host user"), result.out());
  }

  @Test
  void showUnknownIdIsUsageError() {
    CliRunner.Result result = CliRunner.run("algorithms", "show", "nope", "--algorithms", REGISTRY);
    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("unknown algorithm \"nope\" in " + REGISTRY + "; known ids: reference, "),
        result.err());
  }

  @Test
  void validateAcceptsShippedRegistry() {
    CliRunner.Result result = CliRunner.run("algorithms", "validate", REGISTRY);
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches(java.util.regex.Pattern.quote(REGISTRY) + ": valid, \\d+ algorithm\\(s\\), \\d+ enabled\\R"),
        result.out());
  }

  @Test
  void validateListsEveryProblem(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"algorithms\": [{\"id\": \"x\", \"kind\": \"docker\"}]}");
    CliRunner.Result result = CliRunner.run("algorithms", "validate", file.toString());
    assertEquals(1, result.exitCode());
    List<String> lines = result.err().lines().toList();
    assertEquals(file + ": $.algorithms[0].name: is missing", lines.get(0));
    assertEquals(file + ": invalid, " + (lines.size() - 1) + " problem(s)", lines.get(lines.size() - 1));
    assertTrue(lines.contains(file + ": $.algorithms[0].image: is missing"), result.err());
    assertTrue(lines.contains(file + ": $.algorithms[0].input: is missing"), result.err());
  }

  @Test
  void missingRegistryIsOneLine(@TempDir Path dir) {
    CliRunner.Result result = CliRunner.run("algorithms", "list", "--algorithms", dir.resolve("none.json").toString());
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: " + dir.resolve("none.json") + ": algorithm registry not found\n", result.err());
  }
}
