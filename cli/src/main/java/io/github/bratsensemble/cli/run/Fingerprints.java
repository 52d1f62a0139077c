package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 digests of what a step depends on, stored in the run manifest beside each step: a step
 * complete in an earlier run is reused only while its digest is unchanged. Input files enter by
 * relative path, size and modification time (reading every image again on each resume would cost
 * as much as hashing their content, and a changed file gets a new modification time).
 */
final class Fingerprints {
  /** Case folders hold images, DICOM series or BIDS-like anat folders, never deeper than this. */
  private static final int MAX_DEPTH = 4;

  private Fingerprints() {}

  /**
   * Returns the digest of every file under {@code folder} (relative path, size and modification
   * time) except {@code excluded} and the files under {@code excludedFolder}; either may be null.
   */
  static String files(Path folder, Path excluded, Path excludedFolder) throws IOException {
    StringBuilder text = new StringBuilder();
    Path skipFolder = excludedFolder == null ? null : excludedFolder.toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (file.equals(excluded) || skipFolder != null && file.toAbsolutePath().normalize().startsWith(skipFolder)) {
          continue;
        }
        text.append(file(folder.relativize(file).toString(), file)).append('\n');
      }
    }
    return of(text.toString());
  }

  /** Returns the line of one file: its name, size and modification time, or "absent". */
  static String file(String name, Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return name + " absent";
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return name + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
  }

  /** Returns what identifies an algorithm's results: its id, kind, label convention and what runs. */
  static String algorithm(AlgorithmDescriptor d) {
    return String.join("|", d.id(), String.valueOf(d.kind()), String.valueOf(d.labels()), String.valueOf(d.target()),
        d.docker() == null ? "" : d.docker().image(), d.onnx() == null ? "" : String.valueOf(d.onnx().model()));
  }

  /** Returns the digest of {@code parts}, one per line. */
  static String of(List<String> parts) {
    return of(String.join("\n", parts));
  }

  static String of(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
