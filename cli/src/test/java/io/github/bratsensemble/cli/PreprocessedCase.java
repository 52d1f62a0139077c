package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.imaging.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The raw TCGA-FG-6692 case preprocessed once through the CLI with atlas brain extraction, shared by
 * the preprocess and to-native command tests of one test run, and deleted when the JVM exits.
 */
final class PreprocessedCase {
  static final String CASE_ID = "TCGA-FG-6692";

  private static Path outputRoot;
  private static CliRunner.Result firstRun;

  private PreprocessedCase() {}

  /** Returns the result of the first preprocess run, running it if needed. */
  static synchronized CliRunner.Result firstRun() {
    if (firstRun == null) {
      try {
        outputRoot = Files.createTempDirectory("preprocessed-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(outputRoot)));
      firstRun = CliRunner.run("preprocess", rawCase().toString(), "-o", outputRoot.toString(), "--case-id", CASE_ID,
          "--brain-extraction", "atlas", "--atlas", atlas().toString(), "--threads", "2");
      assertEquals(0, firstRun.exitCode(), firstRun.err());
    }
    return firstRun;
  }

  static Path outputRoot() {
    firstRun();
    return outputRoot;
  }

  static Path caseFolder() {
    return outputRoot().resolve(CASE_ID);
  }

  static Path rawCase() {
    return TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
  }

  static Path atlas() {
    return TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // The temporary folder is left for the system to clean up.
    }
  }
}
