package io.github.bratsensemble.inference.tfjs;

import io.github.bratsensemble.inference.models.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Converts a TensorFlow.js model directory to an ONNX file, directly or through a cache keyed by
 * the SHA-256 of the model's files and the conversion options. Output files are written atomically.
 */
public final class TfjsImporter {
  /** Changes whenever the conversion changes, so stale cached conversions are not reused. */
  private static final String CONVERTER_VERSION = "1";

  private TfjsImporter() {}

  /** Converts {@code modelDirectory} (or its model.json) and writes the ONNX model to {@code output}. */
  public static void convert(Path modelDirectory, Path output, boolean reverseSpatialAxes) throws IOException {
    byte[] onnx = TfjsToOnnx.convert(TfjsModelReader.read(modelDirectory), reverseSpatialAxes);
    writeAtomically(output, onnx);
  }

  /**
   * Returns the ONNX conversion of a model, converting it into {@code cacheDirectory} on first use as
   * {@code tfjs-<key>.onnx}.
   */
  public static Path convertCached(Path modelDirectory, Path cacheDirectory, boolean reverseSpatialAxes) throws IOException {
    Path json = TfjsModelReader.modelJson(modelDirectory);
    Path cached = cacheDirectory.resolve("tfjs-" + cacheKey(json, reverseSpatialAxes) + ".onnx");
    if (!Files.isRegularFile(cached)) {
      Files.createDirectories(cacheDirectory);
      convert(json, cached, reverseSpatialAxes);
    }
    return cached;
  }

  /** Returns the SHA-256 over the model.json, every file in its folder with a .bin name, and the options. */
  static String cacheKey(Path json, boolean reverseSpatialAxes) throws IOException {
    if (!Files.isRegularFile(json)) {
      throw new java.nio.file.NoSuchFileException(json.toString(), null, "TensorFlow.js model.json not found");
    }
    StringBuilder key = new StringBuilder(CONVERTER_VERSION).append(reverseSpatialAxes).append(Sha256.of(json));
    try (var files = Files.list(json.toAbsolutePath().getParent())) {
      for (Path bin : files.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList()) {
        key.append(bin.getFileName()).append(Sha256.of(bin));
      }
    }
    return Sha256.of(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
  }

  static void writeAtomically(Path output, byte[] bytes) throws IOException {
    Path directory = output.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + output.getFileName(), ".part");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
