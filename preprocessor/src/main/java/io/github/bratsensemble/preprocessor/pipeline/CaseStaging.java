package io.github.bratsensemble.preprocessor.pipeline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A case folder under construction: outputs go to a hidden sibling folder {@code
 * .<case>.partial-*}, which replaces {@code <case>} only when everything, the manifest last, is
 * written. A failed or interrupted run therefore never leaves a folder named after the case with a
 * complete manifest, and an earlier complete result stays intact until the new one is ready.
 */
final class CaseStaging {
  private final Path target;
  private final Path folder;

  private CaseStaging(Path target, Path folder) {
    this.target = target;
    this.folder = folder;
  }

  /**
   * Creates the staging folder for {@code outputRoot/caseId}.
   *
   * @throws PreprocessingException if the output folder cannot be created or written
   */
  static CaseStaging begin(Path outputRoot, String caseId) throws PreprocessingException {
    try {
      Files.createDirectories(outputRoot);
    } catch (IOException e) {
      Path blocker = existingAncestor(outputRoot);
      String why = blocker != null && !Files.isDirectory(blocker) ? blocker + " is a file, not a folder" : reason(e);
      throw new PreprocessingException("output folder " + outputRoot + " cannot be created: " + why);
    }
    if (!Files.isDirectory(outputRoot)) {
      throw new PreprocessingException("output folder " + outputRoot + " is not a folder");
    }
    Path staging;
    try {
      staging = Files.createTempDirectory(outputRoot, "." + caseId + ".partial-");
    } catch (IOException e) {
      throw new PreprocessingException("output folder " + outputRoot + " is not writable: " + reason(e));
    }
    return new CaseStaging(outputRoot.resolve(caseId), staging);
  }

  Path folder() {
    return folder;
  }

  Path resolve(String relative) throws IOException {
    Path path = folder.resolve(relative);
    Files.createDirectories(path.getParent());
    return path;
  }

  /** Moves the finished folder to its final name, replacing an earlier one; returns the final path. */
  Path commit() throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    move(folder, target);
    if (old != null) {
      deleteTree(old);
    }
    return target;
  }

  /** Deletes the staging folder and everything in it. */
  void abort() {
    try {
      deleteTree(folder);
    } catch (IOException ignored) {
      // Best effort: a leftover hidden .partial folder is never taken for a finished case.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path existingAncestor(Path path) {
    for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "AccessDeniedException" -> "permission denied";
      case "FileAlreadyExistsException" -> "a file with that name exists";
      case "FileSystemException" -> ((java.nio.file.FileSystemException) e).getReason() == null
          ? type : ((java.nio.file.FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
      default -> message == null ? type : type + " (" + message + ")";
    };
  }
}
