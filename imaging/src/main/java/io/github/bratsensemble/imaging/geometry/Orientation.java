package io.github.bratsensemble.imaging.geometry;

/**
 * Axis codes of a voxel-to-world affine, such as {@code "RAS"} or {@code "LPS"}: for each voxel
 * axis, the world direction its index grows towards (R/L, A/P, S/I).
 *
 * <p>For an oblique affine each voxel axis is assigned the world axis it is closest to; the
 * assignment is one-to-one, found by repeatedly taking the largest remaining element of the
 * column-normalised 3x3 matrix.
 */
public final class Orientation {
  private static final char[] POSITIVE = {'R', 'A', 'S'};
  private static final char[] NEGATIVE = {'L', 'P', 'I'};

  private Orientation() {}

  /**
   * Returns, for each voxel axis, the world axis (0 = x, 1 = y, 2 = z) it follows most closely,
   * encoded as {@code worldAxis + 1} with the sign of the direction.
   */
  public static int[] signedWorldAxes(Affine affine) {
    double[][] m = affine.linear();
    for (int col = 0; col < 3; col++) {
      double norm = affine.columnNorm(col);
      for (int row = 0; row < 3; row++) {
        m[row][col] = norm == 0 ? 0 : m[row][col] / norm;
      }
    }
    int[] result = new int[3];
    boolean[] rowUsed = new boolean[3];
    boolean[] colUsed = new boolean[3];
    for (int step = 0; step < 3; step++) {
      int bestRow = -1;
      int bestCol = -1;
      double best = -1;
      for (int row = 0; row < 3; row++) {
        for (int col = 0; col < 3; col++) {
          if (!rowUsed[row] && !colUsed[col] && Math.abs(m[row][col]) > best) {
            best = Math.abs(m[row][col]);
            bestRow = row;
            bestCol = col;
          }
        }
      }
      rowUsed[bestRow] = true;
      colUsed[bestCol] = true;
      result[bestCol] = m[bestRow][bestCol] >= 0 ? bestRow + 1 : -(bestRow + 1);
    }
    return result;
  }

  /** Returns the three-letter orientation code of an affine. */
  public static String code(Affine affine) {
    int[] axes = signedWorldAxes(affine);
    StringBuilder sb = new StringBuilder(3);
    for (int signed : axes) {
      int world = Math.abs(signed) - 1;
      sb.append(signed > 0 ? POSITIVE[world] : NEGATIVE[world]);
    }
    return sb.toString();
  }

  /**
   * Parses a three-letter code such as {@code "LPS"} into the signed world axes of {@link
   * #signedWorldAxes}.
   *
   * @throws IllegalArgumentException if the code does not name each world axis exactly once
   */
  public static int[] parse(String code) {
    if (code == null || code.length() != 3) {
      throw new IllegalArgumentException("orientation code must have 3 letters but was " + code);
    }
    int[] result = new int[3];
    boolean[] seen = new boolean[3];
    for (int i = 0; i < 3; i++) {
      char c = Character.toUpperCase(code.charAt(i));
      int world = -1;
      int sign = 0;
      for (int w = 0; w < 3; w++) {
        if (POSITIVE[w] == c) {
          world = w;
          sign = 1;
        } else if (NEGATIVE[w] == c) {
          world = w;
          sign = -1;
        }
      }
      if (world < 0 || seen[world]) {
        throw new IllegalArgumentException(
            "orientation code must use one of R/L, A/P and S/I each once but was " + code);
      }
      seen[world] = true;
      result[i] = sign * (world + 1);
    }
    return result;
  }
}
