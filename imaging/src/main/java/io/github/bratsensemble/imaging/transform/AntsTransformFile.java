package io.github.bratsensemble.imaging.transform;

import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the MATLAB v4 {@code .mat} affine transforms that ANTs writes through ITK.
 *
 * <p>A file contains two column vectors:
 *
 * <ul>
 *   <li>{@code AffineTransform_float_3_3} (float32) or {@code AffineTransform_double_3_3}
 *       (float64): 12 values, the 3x3 matrix row-major and then the translation. ITK's
 *       {@code MatrixOffsetTransformBase} also accepts the name {@code MatrixOffsetTransformBase_*}
 *       and so does this reader;
 *   <li>{@code fixed}: the centre of rotation (3 values).
 * </ul>
 *
 * The map is {@code y = M (x - c) + c + t} in ITK's LPS world space and sends a point of the fixed
 * image to the moving image. Reading converts to RAS ({@link LpsConversion}); writing converts back.
 */
public final class AntsTransformFile {
  private static final String DOUBLE_NAME = "AffineTransform_double_3_3";
  private static final String FLOAT_NAME = "AffineTransform_float_3_3";

  private AntsTransformFile() {}

  /** Reads a transform, returning it in RAS coordinates. */
  public static AffineTransform read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return decode(bytes, path.toString());
  }

  /** Decodes file contents; {@code source} names the file in error messages. */
  public static AffineTransform decode(byte[] bytes, String source) throws TransformFormatException {
    List<MatlabV4.Variable> variables = MatlabV4.decode(bytes, source);
    MatlabV4.Variable parameters = null;
    MatlabV4.Variable fixed = null;
    for (MatlabV4.Variable v : variables) {
      if (v.name().equals("fixed")) {
        fixed = v;
      } else if (isAffineName(v.name())) {
        parameters = v;
      }
    }
    if (parameters == null) {
      throw new TransformFormatException(source + ": no variable AffineTransform_double_3_3 or "
          + "AffineTransform_float_3_3 (found " + names(variables) + ")");
    }
    if (parameters.values().length != 12) {
      throw new TransformFormatException(source + ": " + parameters.name() + " has "
          + parameters.values().length + " values; 12 are expected (3x3 matrix and translation)");
    }
    double[] center = new double[3];
    if (fixed != null) {
      if (fixed.values().length != 3) {
        throw new TransformFormatException(source + ": fixed has " + fixed.values().length
            + " values; 3 are expected (centre of rotation)");
      }
      center = fixed.values().clone();
    }
    double[] p = parameters.values();
    double[] matrix = java.util.Arrays.copyOf(p, 9);
    double[] translation = {p[9], p[10], p[11]};
    AffineTransform lps;
    try {
      lps = AffineTransform.ofCentered(matrix, translation, center);
    } catch (IllegalArgumentException e) {
      throw new TransformFormatException(source + ": " + e.getMessage());
    }
    return LpsConversion.fromLps(lps);
  }

  /** Writes a RAS transform as {@code AffineTransform_double_3_3}, atomically. */
  public static void write(Path path, AffineTransform transform) throws IOException {
    write(path, transform, false);
  }

  /** Writes a RAS transform atomically, as float32 {@code AffineTransform_float_3_3} when {@code float32} is set. */
  public static void write(Path path, AffineTransform transform, boolean float32) throws IOException {
    byte[] bytes = encode(transform, float32);
    AtomicFiles.write(path, out -> out.write(bytes));
  }

  /**
   * Encodes a RAS transform; with {@code float32} the variables are {@code
   * AffineTransform_float_3_3} and a float32 {@code fixed}, the layout of the ANTs transforms that BraTS Toolkit ships.
   */
  public static byte[] encode(AffineTransform transform, boolean float32) {
    AffineTransform lps = LpsConversion.toLps(transform);
    double[] values = new double[12];
    System.arraycopy(lps.matrix(), 0, values, 0, 9);
    System.arraycopy(lps.translation(), 0, values, 9, 3);
    MatlabV4.Precision precision = float32 ? MatlabV4.Precision.FLOAT32 : MatlabV4.Precision.FLOAT64;
    return MatlabV4.encode(List.of(
        new MatlabV4.Variable(float32 ? FLOAT_NAME : DOUBLE_NAME, 12, 1, precision, values),
        new MatlabV4.Variable("fixed", 3, 1, precision, lps.center())));
  }

  private static boolean isAffineName(String name) {
    return name.equals(DOUBLE_NAME) || name.equals(FLOAT_NAME)
        || name.equals("MatrixOffsetTransformBase_double_3_3")
        || name.equals("MatrixOffsetTransformBase_float_3_3");
  }

  private static String names(List<MatlabV4.Variable> variables) {
    if (variables.isEmpty()) {
      return "no variables";
    }
    StringBuilder sb = new StringBuilder();
    for (MatlabV4.Variable v : variables) {
      sb.append(sb.length() == 0 ? "" : ", ").append(v.name());
    }
    return sb.toString();
  }
}
