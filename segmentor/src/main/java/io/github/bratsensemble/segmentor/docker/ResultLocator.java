package io.github.bratsensemble.segmentor.docker;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds an algorithm's result file in its output folder by glob patterns tried in order. */
final class ResultLocator {
  private ResultLocator() {}

  /** Returns the first file, by name, matching the first pattern that matches any regular file. */
  static Optional<Path> find(Path outputDir, List<String> patterns) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(outputDir)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    for (String pattern : patterns) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      for (Path file : files) {
        if (matcher.matches(file.getFileName())) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }
}
