package io.github.bratsensemble.imaging.transform;

import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes ITK's text transform files ({@code .tfm}, {@code .txt}), for example:
 *
 * <pre>
 * #Insight Transform File V1.0
 * #Transform 0
 * Transform: AffineTransform_double_3_3
 * Parameters: m00 m01 m02 m10 m11 m12 m20 m21 m22 t0 t1 t2
 * FixedParameters: c0 c1 c2
 * </pre>
 *
 * Coordinates are LPS and the transform maps fixed-image points to moving-image points, as in
 * {@link AntsTransformFile}; reading converts to RAS. Accepted 3-D types, float or double:
 * {@code AffineTransform}, {@code MatrixOffsetTransformBase}, {@code Euler3DTransform} (angles
 * about x, y, z in radians, then translation; rotation {@code Rz Rx Ry}, or {@code Rz Ry Rx} when
 * the fourth fixed parameter is 1), {@code VersorRigid3DTransform} (the vector part of a unit
 * quaternion, then translation) and {@code TranslationTransform}. A file with several transforms
 * is rejected because their composition order would be ambiguous here.
 */
public final class ItkTextTransformFile {
  private static final String MAGIC = "#Insight Transform File V1.0";

  private ItkTextTransformFile() {}

  /** Reads a transform, returning it in RAS coordinates. */
  public static AffineTransform read(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.ISO_8859_1), path.toString());
  }

  /** Writes a RAS transform as {@code AffineTransform_double_3_3}, atomically. */
  public static void write(Path path, AffineTransform transform) throws IOException {
    byte[] bytes = format(transform).getBytes(StandardCharsets.US_ASCII);
    AtomicFiles.write(path, out -> out.write(bytes));
  }

  /** Formats a RAS transform as file contents. */
  public static String format(AffineTransform transform) {
    AffineTransform lps = LpsConversion.toLps(transform);
    StringBuilder sb = new StringBuilder();
    sb.append(MAGIC).append('\n');
    sb.append("#Transform 0\n");
    sb.append("Transform: AffineTransform_double_3_3\n");
    sb.append("Parameters:");
    for (double v : lps.matrix()) {
      sb.append(' ').append(v);
    }
    for (double v : lps.translation()) {
      sb.append(' ').append(v);
    }
    sb.append("\nFixedParameters:");
    for (double v : lps.center()) {
      sb.append(' ').append(v);
    }
    return sb.append('\n').toString();
  }

  /** Parses file contents; {@code source} names the file in error messages. */
  public static AffineTransform parse(String text, String source) throws TransformFormatException {
    String[] lines = text.split("\\R");
    if (lines.length == 0 || !lines[0].strip().startsWith("#Insight Transform File")) {
      throw new TransformFormatException(source + ": not an ITK transform file (first line should be \""
          + MAGIC + "\")");
    }
    String type = null;
    double[] parameters = null;
    double[] fixed = new double[0];
    int transformCount = 0;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      int lineNumber = i + 1;
      if (line.startsWith("Transform:")) {
        transformCount++;
        type = line.substring("Transform:".length()).strip();
      } else if (line.startsWith("Parameters:")) {
        parameters = numbers(line.substring("Parameters:".length()), source, lineNumber);
      } else if (line.startsWith("FixedParameters:")) {
        fixed = numbers(line.substring("FixedParameters:".length()), source, lineNumber);
      }
    }
    if (transformCount != 1) {
      throw new TransformFormatException(source + ": " + transformCount
          + " transforms found; exactly one is supported");
    }
    if (parameters == null) {
      throw new TransformFormatException(source + ": the Parameters line is missing");
    }
    AffineTransform lps = toLpsTransform(type, parameters, fixed, source);
    return LpsConversion.fromLps(lps);
  }

  private static AffineTransform toLpsTransform(String type, double[] p, double[] fixed, String source)
      throws TransformFormatException {
    String base = baseName(type);
    double[] center = fixed.length >= 3 ? new double[] {fixed[0], fixed[1], fixed[2]} : new double[3];
    try {
      switch (base) {
        case "AffineTransform", "MatrixOffsetTransformBase" -> {
          expectCount(type, p, 12, source);
          return AffineTransform.ofCentered(java.util.Arrays.copyOf(p, 9), new double[] {p[9], p[10], p[11]}, center);
        }
        case "Euler3DTransform" -> {
          expectCount(type, p, 6, source);
          boolean zyx = fixed.length >= 4 && fixed[3] != 0;
          return AffineTransform.ofCentered(Rotations.euler(p[0], p[1], p[2], zyx),
              new double[] {p[3], p[4], p[5]}, center);
        }
        case "VersorRigid3DTransform" -> {
          expectCount(type, p, 6, source);
          return AffineTransform.ofCentered(Rotations.versor(p[0], p[1], p[2]),
              new double[] {p[3], p[4], p[5]}, center);
        }
        case "TranslationTransform" -> {
          expectCount(type, p, 3, source);
          return AffineTransform.ofCentered(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, p, new double[3]);
        }
        default -> throw new TransformFormatException(source + ": unsupported transform type " + type
            + " (supported: AffineTransform, MatrixOffsetTransformBase, Euler3DTransform, "
            + "VersorRigid3DTransform, TranslationTransform; 3-D, float or double)");
      }
    } catch (IllegalArgumentException e) {
      throw new TransformFormatException(source + ": " + e.getMessage());
    }
  }

  private static String baseName(String type) {
    for (String suffix : new String[] {"_double_3_3", "_float_3_3", "_double_3", "_float_3"}) {
      if (type.endsWith(suffix)) {
        return type.substring(0, type.length() - suffix.length());
      }
    }
    return type;
  }

  private static void expectCount(String type, double[] p, int count, String source) throws TransformFormatException {
    if (p.length != count) {
      throw new TransformFormatException(source + ": " + type + " has " + p.length + " parameters; " + count
          + " are expected");
    }
  }

  private static double[] numbers(String text, String source, int lineNumber) throws TransformFormatException {
    List<Double> values = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      try {
        values.add(Double.parseDouble(token));
      } catch (NumberFormatException e) {
        throw new TransformFormatException(source + ": line " + lineNumber + ": \"" + token + "\" is not a number");
      }
    }
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i);
    }
    return result;
  }
}
