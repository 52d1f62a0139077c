package io.github.bratsensemble.imaging.transform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes transform files by extension: {@code .mat} as ANTs' MATLAB v4 file ({@link
 * AntsTransformFile}), {@code .tfm} and {@code .txt} as ITK text ({@link ItkTextTransformFile}).
 * Transforms are RAS in memory and LPS in files, mapping fixed-image points to moving-image points.
 */
public final class TransformFiles {
  private TransformFiles() {}

  public static AffineTransform read(Path path) throws IOException {
    return switch (kind(path)) {
      case "mat" -> AntsTransformFile.read(path);
      default -> ItkTextTransformFile.read(path);
    };
  }

  public static void write(Path path, AffineTransform transform) throws IOException {
    switch (kind(path)) {
      case "mat" -> AntsTransformFile.write(path, transform);
      default -> ItkTextTransformFile.write(path, transform);
    }
  }

  private static String kind(Path path) throws TransformFormatException {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".mat")) {
      return "mat";
    }
    if (name.endsWith(".tfm") || name.endsWith(".txt")) {
      return "text";
    }
    throw new TransformFormatException(path + ": unknown transform file extension; expected .mat, .tfm or .txt");
  }
}
