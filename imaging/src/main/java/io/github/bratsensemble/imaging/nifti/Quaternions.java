package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.geometry.Affine;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Conversion between an affine and the NIfTI qform fields: a unit quaternion (b, c, d; a is
 * implied and non-negative), an offset, the voxel spacing and {@code qfac}, the sign that flips
 * the third axis so the rotation stays proper.
 */
final class Quaternions {
  private Quaternions() {}

  /** The qform fields that encode an affine. */
  record QForm(double b, double c, double d, double[] offset, double[] spacing, double qfac) {}

  /** Builds the qform affine {@code R * diag(dx, dy, qfac * dz) + offset}. */
  static Affine toAffine(double b, double c, double d, double[] offset, double[] spacing, double qfac) {
    double sumSquares = b * b + c * c + d * d;
    double a;
    if (sumSquares > 1) {
      // Rounding in float32 fields can push the sum past 1: renormalise and take a = 0.
      double norm = Math.sqrt(sumSquares);
      b /= norm;
      c /= norm;
      d /= norm;
      a = 0;
    } else {
      a = Math.sqrt(1 - sumSquares);
    }
    double[][] r = {
        {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
        {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
        {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    double[] scale = {spacing[0], spacing[1], qfac < 0 ? -spacing[2] : spacing[2]};
    double[][] m = new double[3][3];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row][col] = r[row][col] * scale[col];
      }
    }
    return Affine.of(m, offset);
  }

  /**
   * Finds the qform that represents {@code affine} as closely as a qform can: a shear or an
   * improper rotation is replaced by the nearest rotation (polar decomposition) with qfac = -1
   * absorbing a reflection.
   */
  static QForm fromAffine(Affine affine) {
    double[][] m = affine.linear();
    double[] spacing = new double[3];
    for (int col = 0; col < 3; col++) {
      spacing[col] = affine.columnNorm(col);
      if (spacing[col] == 0) {
        spacing[col] = 1;
        m[0][col] = col == 0 ? 1 : 0;
        m[1][col] = col == 1 ? 1 : 0;
        m[2][col] = col == 2 ? 1 : 0;
      } else {
        for (int row = 0; row < 3; row++) {
          m[row][col] /= spacing[col];
        }
      }
    }

    // Nearest orthogonal matrix U V^T of the column-normalised linear part.
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m));
    RealMatrix rotation = svd.getU().multiply(svd.getVT());
    double[][] r = rotation.getData();
    double qfac = 1;
    if (new org.apache.commons.math3.linear.LUDecomposition(rotation).getDeterminant() < 0) {
      qfac = -1;
      for (int row = 0; row < 3; row++) {
        r[row][2] = -r[row][2];
      }
    }

    double a;
    double b;
    double c;
    double d;
    double trace = r[0][0] + r[1][1] + r[2][2] + 1;
    if (trace > 0.5) {
      a = 0.5 * Math.sqrt(trace);
      b = 0.25 * (r[2][1] - r[1][2]) / a;
      c = 0.25 * (r[0][2] - r[2][0]) / a;
      d = 0.25 * (r[1][0] - r[0][1]) / a;
    } else {
      // Near a half turn a is small: take the largest of b, c, d as the pivot instead.
      double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
      double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
      double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
      if (xd > 1) {
        b = 0.5 * Math.sqrt(xd);
        c = 0.25 * (r[0][1] + r[1][0]) / b;
        d = 0.25 * (r[0][2] + r[2][0]) / b;
        a = 0.25 * (r[2][1] - r[1][2]) / b;
      } else if (yd > 1) {
        c = 0.5 * Math.sqrt(yd);
        b = 0.25 * (r[0][1] + r[1][0]) / c;
        d = 0.25 * (r[1][2] + r[2][1]) / c;
        a = 0.25 * (r[0][2] - r[2][0]) / c;
      } else {
        d = 0.5 * Math.sqrt(zd);
        b = 0.25 * (r[0][2] + r[2][0]) / d;
        c = 0.25 * (r[1][2] + r[2][1]) / d;
        a = 0.25 * (r[1][0] - r[0][1]) / d;
      }
      if (a < 0) {
        b = -b;
        c = -c;
        d = -d;
      }
    }
    return new QForm(b, c, d, affine.translationPart(), spacing, qfac);
  }
}
