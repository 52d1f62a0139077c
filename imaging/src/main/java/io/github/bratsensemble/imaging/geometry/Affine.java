package io.github.bratsensemble.imaging.geometry;

import java.util.Arrays;

/**
 * An immutable 3-D affine map {@code p' = M p + t}, stored as the top three rows of a 4x4 matrix.
 *
 * <p>In this project an affine usually maps voxel indices (i, j, k) to world coordinates in
 * millimetres in NIfTI's convention: +x towards the subject's right, +y anterior, +z superior
 * (RAS+). Instances are immutable and thread-safe.
 */
public final class Affine {
  private static final Affine IDENTITY = new Affine(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

  /** Row-major rows 0..2 of the 4x4 matrix: m00 m01 m02 t0 m10 m11 m12 t1 m20 m21 m22 t2. */
  private final double[] rows;

  private Affine(double[] rows) {
    this.rows = rows;
  }

  public static Affine identity() {
    return IDENTITY;
  }

  /**
   * Creates an affine from 12 values: three rows of the 4x4 matrix, each {@code m0 m1 m2 t}.
   *
   * @throws IllegalArgumentException if there are not 12 finite values
   */
  public static Affine ofRows(double... rows) {
    if (rows.length != 12) {
      throw new IllegalArgumentException("an affine needs 12 values (3 rows of 4) but got " + rows.length);
    }
    for (double v : rows) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("affine value is not finite: " + Arrays.toString(rows));
      }
    }
    return new Affine(rows.clone());
  }

  /** Creates an affine from a 3x3 matrix and a translation. */
  public static Affine of(double[][] matrix, double[] translation) {
    double[] r = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        r[row * 4 + col] = matrix[row][col];
      }
      r[row * 4 + 3] = translation[row];
    }
    return ofRows(r);
  }

  /** Creates an axis-aligned scaling followed by a translation. */
  public static Affine scaling(double sx, double sy, double sz, double tx, double ty, double tz) {
    return ofRows(sx, 0, 0, tx, 0, sy, 0, ty, 0, 0, sz, tz);
  }

  public static Affine translation(double tx, double ty, double tz) {
    return scaling(1, 1, 1, tx, ty, tz);
  }

  /** Returns element (row, col) of the 4x4 matrix; row 3 is (0, 0, 0, 1). */
  public double get(int row, int col) {
    if (row == 3) {
      return col == 3 ? 1 : 0;
    }
    return rows[row * 4 + col];
  }

  /** Returns the 12 row-major values (a copy). */
  public double[] toRows() {
    return rows.clone();
  }

  /** Returns the full 4x4 matrix (a copy). */
  public double[][] toMatrix4() {
    double[][] m = new double[4][4];
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        m[row][col] = get(row, col);
      }
    }
    return m;
  }

  /** Returns the 3x3 linear part (a copy). */
  public double[][] linear() {
    double[][] m = new double[3][3];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row][col] = rows[row * 4 + col];
      }
    }
    return m;
  }

  public double[] translationPart() {
    return new double[] {rows[3], rows[7], rows[11]};
  }

  public double applyX(double x, double y, double z) {
    return rows[0] * x + rows[1] * y + rows[2] * z + rows[3];
  }

  public double applyY(double x, double y, double z) {
    return rows[4] * x + rows[5] * y + rows[6] * z + rows[7];
  }

  public double applyZ(double x, double y, double z) {
    return rows[8] * x + rows[9] * y + rows[10] * z + rows[11];
  }

  /** Maps a point; returns a new 3-element array. */
  public double[] apply(double[] p) {
    return new double[] {applyX(p[0], p[1], p[2]), applyY(p[0], p[1], p[2]), applyZ(p[0], p[1], p[2])};
  }

  /** Returns {@code this ∘ other}: the map that applies {@code other} first, then this. */
  public Affine compose(Affine other) {
    double[] a = rows;
    double[] b = other.rows;
    double[] r = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        double sum = col == 3 ? a[row * 4 + 3] : 0;
        for (int k = 0; k < 3; k++) {
          sum += a[row * 4 + k] * b[k * 4 + col];
        }
        r[row * 4 + col] = sum;
      }
    }
    return new Affine(r);
  }

  public double determinant() {
    double[] m = rows;
    return m[0] * (m[5] * m[10] - m[6] * m[9])
        - m[1] * (m[4] * m[10] - m[6] * m[8])
        + m[2] * (m[4] * m[9] - m[5] * m[8]);
  }

  /**
   * Returns the inverse map.
   *
   * @throws IllegalStateException if the linear part is singular
   */
  public Affine inverse() {
    double[] m = rows;
    double det = determinant();
    if (Math.abs(det) < 1e-12) {
      throw new IllegalStateException("affine is singular (determinant " + det + "): " + this);
    }
    double[] inv = new double[12];
    inv[0] = (m[5] * m[10] - m[6] * m[9]) / det;
    inv[1] = (m[2] * m[9] - m[1] * m[10]) / det;
    inv[2] = (m[1] * m[6] - m[2] * m[5]) / det;
    inv[4] = (m[6] * m[8] - m[4] * m[10]) / det;
    inv[5] = (m[0] * m[10] - m[2] * m[8]) / det;
    inv[6] = (m[2] * m[4] - m[0] * m[6]) / det;
    inv[8] = (m[4] * m[9] - m[5] * m[8]) / det;
    inv[9] = (m[1] * m[8] - m[0] * m[9]) / det;
    inv[10] = (m[0] * m[5] - m[1] * m[4]) / det;
    for (int row = 0; row < 3; row++) {
      inv[row * 4 + 3] = -(inv[row * 4] * m[3] + inv[row * 4 + 1] * m[7] + inv[row * 4 + 2] * m[11]);
    }
    return new Affine(inv);
  }

  /** Returns the length of column {@code col} of the linear part: the voxel spacing along that axis. */
  public double columnNorm(int col) {
    double x = rows[col];
    double y = rows[4 + col];
    double z = rows[8 + col];
    return Math.sqrt(x * x + y * y + z * z);
  }

  /** Returns the largest absolute difference between corresponding elements. */
  public double maxAbsDifference(Affine other) {
    double max = 0;
    for (int i = 0; i < 12; i++) {
      max = Math.max(max, Math.abs(rows[i] - other.rows[i]));
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine other && Arrays.equals(rows, other.rows);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int row = 0; row < 3; row++) {
      if (row > 0) {
        sb.append("; ");
      }
      for (int col = 0; col < 4; col++) {
        if (col > 0) {
          sb.append(' ');
        }
        sb.append(format(rows[row * 4 + col]));
      }
    }
    return sb.append(']').toString();
  }

  private static String format(double v) {
    double rounded = Math.round(v * 1e4) / 1e4;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }
}
