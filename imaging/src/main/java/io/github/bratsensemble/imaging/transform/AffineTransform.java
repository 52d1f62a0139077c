package io.github.bratsensemble.imaging.transform;

import io.github.bratsensemble.imaging.geometry.Affine;
import java.util.Arrays;

/**
 * A spatial transform {@code y = A (x - c) + c + t} between two world spaces, in RAS+ millimetres.
 *
 * <p>Direction: as in ITK and ANTs, a registration transform maps a point of the <em>fixed</em>
 * (reference) image to the corresponding point of the <em>moving</em> image. Resampling the moving
 * image onto the fixed grid therefore evaluates the moving image at {@code apply(p)} for every fixed
 * voxel centre {@code p}.
 *
 * <p>Space: every coordinate here is NIfTI's RAS+ world space. ITK and ANTs files store LPS
 * coordinates; {@link LpsConversion} converts at the file boundary only.
 *
 * <p>The centre {@code c} does not change the map itself; it is kept because ITK files store the
 * matrix and translation relative to it (the "fixed parameters"). Instances are immutable and
 * thread-safe.
 */
public final class AffineTransform {
  private static final double[] ORIGIN = {0, 0, 0};

  private final Affine map;
  private final double[] center;

  private AffineTransform(Affine map, double[] center) {
    this.map = map;
    this.center = center;
  }

  public static AffineTransform identity() {
    return new AffineTransform(Affine.identity(), ORIGIN.clone());
  }

  /** Wraps a point map {@code y = M x + offset} with the centre at the origin. */
  public static AffineTransform of(Affine map) {
    return new AffineTransform(map, ORIGIN.clone());
  }

  /** Wraps a point map and records {@code center} as the centre of rotation for files. */
  public static AffineTransform of(Affine map, double[] center) {
    return new AffineTransform(map, checkedPoint(center, "center"));
  }

  /**
   * Creates {@code y = matrix (x - center) + center + translation}, the ITK parameterisation.
   *
   * @param matrix 3x3 linear part, row-major (9 values)
   * @param translation 3 values in mm
   * @param center centre of rotation, 3 values in mm
   */
  public static AffineTransform ofCentered(double[] matrix, double[] translation, double[] center) {
    if (matrix.length != 9) {
      throw new IllegalArgumentException("the matrix needs 9 values but got " + matrix.length);
    }
    double[] t = checkedPoint(translation, "translation");
    double[] c = checkedPoint(center, "center");
    double[] rows = new double[12];
    for (int row = 0; row < 3; row++) {
      double offset = t[row] + c[row];
      for (int col = 0; col < 3; col++) {
        rows[row * 4 + col] = matrix[row * 3 + col];
        offset -= matrix[row * 3 + col] * c[col];
      }
      rows[row * 4 + 3] = offset;
    }
    return new AffineTransform(Affine.ofRows(rows), c);
  }

  /** Returns the point map {@code y = M x + offset}. */
  public Affine toAffine() {
    return map;
  }

  /** Returns the 3x3 linear part, row-major (a copy). */
  public double[] matrix() {
    double[] rows = map.toRows();
    double[] m = new double[9];
    for (int row = 0; row < 3; row++) {
      System.arraycopy(rows, row * 4, m, row * 3, 3);
    }
    return m;
  }

  /** Returns the centre of rotation (a copy). */
  public double[] center() {
    return center.clone();
  }

  /** Returns the translation {@code t} relative to the centre: {@code y - c = A (x - c) + t}. */
  public double[] translation() {
    double[] mapped = map.apply(center);
    return new double[] {mapped[0] - center[0], mapped[1] - center[1], mapped[2] - center[2]};
  }

  /** Returns the same map recorded with another centre of rotation. */
  public AffineTransform withCenter(double[] newCenter) {
    return new AffineTransform(map, checkedPoint(newCenter, "center"));
  }

  /** Maps one point; returns a new 3-element array. */
  public double[] apply(double[] point) {
    return map.apply(point);
  }

  /**
   * Returns the transform that applies {@code first} and then this one: {@code this(first(x))}. The
   * result keeps the centre of {@code first}.
   */
  public AffineTransform after(AffineTransform first) {
    return new AffineTransform(map.compose(first.map), first.center.clone());
  }

  /**
   * Returns the inverse map, centred at the image of this transform's centre so that it is the
   * ITK-style inverse.
   *
   * @throws IllegalStateException if the linear part is singular
   */
  public AffineTransform inverse() {
    return new AffineTransform(map.inverse(), map.apply(center));
  }

  /** Returns whether the linear part is a proper rotation within {@code tolerance} per element. */
  public boolean isRigid(double tolerance) {
    double[] m = matrix();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int k = 0; k < 3; k++) {
          dot += m[k * 3 + i] * m[k * 3 + j];
        }
        if (Math.abs(dot - (i == j ? 1 : 0)) > tolerance) {
          return false;
        }
      }
    }
    return map.determinant() > 0;
  }

  /** Returns the distance in mm between where this transform and {@code other} map {@code point}. */
  public double displacementMm(AffineTransform other, double[] point) {
    double[] a = apply(point);
    double[] b = other.apply(point);
    return Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
  }

  private static double sq(double v) {
    return v * v;
  }

  private static double[] checkedPoint(double[] p, String what) {
    if (p.length != 3) {
      throw new IllegalArgumentException("the " + what + " needs 3 values but got " + p.length);
    }
    for (double v : p) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the " + what + " is not finite: " + Arrays.toString(p));
      }
    }
    return p.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AffineTransform other && map.equals(other.map) && Arrays.equals(center, other.center);
  }

  @Override
  public int hashCode() {
    return map.hashCode() * 31 + Arrays.hashCode(center);
  }

  @Override
  public String toString() {
    return "AffineTransform" + map + " centre " + Arrays.toString(center);
  }
}
