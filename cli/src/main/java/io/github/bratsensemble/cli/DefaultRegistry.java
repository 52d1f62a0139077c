package io.github.bratsensemble.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the algorithm registry used when no file is given: {@code algorithms.json} in the working
 * folder, else the one in the installation folder that {@code bin/brats-ensemble} passes as the
 * system property {@code brats.home}.
 */
final class DefaultRegistry {
  static final String FILE_NAME = "algorithms.json";

  private DefaultRegistry() {}

  static Path path() {
    Path local = Path.of(FILE_NAME);
    if (Files.isRegularFile(local)) {
      return local;
    }
    String home = System.getProperty("brats.home");
    if (home != null && !home.isBlank()) {
      Path installed = Path.of(home, FILE_NAME);
      if (Files.isRegularFile(installed)) {
        return installed;
      }
    }
    return local;
  }
}
