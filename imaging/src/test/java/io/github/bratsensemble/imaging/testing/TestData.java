package io.github.bratsensemble.imaging.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real test data: the system property {@code brats.data}, else the environment
 * variable {@code BRATS_DATA}, else {@code ../shared/data} relative to the working directory.
 *
 * <p>When a file is missing the calling test is skipped with a message, except when the
 * environment variable {@code CI} is {@code true}, where it fails.
 */
public final class TestData {
  private TestData() {}

  public static Path root() {
    String configured = System.getProperty("brats.data");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("BRATS_DATA");
    }
    if (configured == null || configured.isBlank()) {
      configured = "../shared/data";
    }
    return Path.of(configured).toAbsolutePath().normalize();
  }

  /** Returns a file or folder under the data root, skipping (or, on CI, failing) the test if it is absent. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      String message = "test data not found: " + path
          + " (set -Dbrats.data or BRATS_DATA to the shared data folder)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return path;
  }
}
