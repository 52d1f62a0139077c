package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.transform.AffineTransform;

/**
 * The transform being optimised, {@code T(x) = A (x - c) + c + t} in RAS+ mm from fixed to moving
 * points, and its gradient in scaled parameters.
 *
 * <p>Parameters are scaled so that a unit change of any parameter moves sample points by about 1 mm:
 * linear-part parameters (rotations or matrix elements) are multiplied by {@code radiusMm}, the RMS
 * distance of the samples from the centre, and translations are left as they are. One step length
 * then means the same displacement for every parameter. Mutable and thread-confined.
 */
abstract class TransformModel {
  protected final double[] matrix;
  protected final double[] translation;
  protected final double[] center;
  protected double radiusMm = 1;

  TransformModel(AffineTransform start) {
    this.matrix = start.matrix();
    this.translation = start.translation();
    this.center = start.center();
  }

  static TransformModel create(TransformType type, AffineTransform start) {
    return type == TransformType.RIGID ? new Rigid(start) : new Affine(start);
  }

  void setRadiusMm(double radiusMm) {
    this.radiusMm = Math.max(radiusMm, 1e-3);
  }

  AffineTransform current() {
    return AffineTransform.ofCentered(matrix, translation, center);
  }

  /** Maps all sample positions (x, y, z per sample) into {@code out}. */
  void map(double[] positions, double[] out) {
    double[] a = matrix;
    for (int k = 0; k < positions.length; k += 3) {
      double x = positions[k] - center[0];
      double y = positions[k + 1] - center[1];
      double z = positions[k + 2] - center[2];
      out[k] = a[0] * x + a[1] * y + a[2] * z + center[0] + translation[0];
      out[k + 1] = a[3] * x + a[4] * y + a[5] * z + center[1] + translation[1];
      out[k + 2] = a[6] * x + a[7] * y + a[8] * z + center[2] + translation[2];
    }
  }

  /** A copy of the parameters, for undoing a step. */
  record State(double[] matrix, double[] translation) {}

  State save() {
    return new State(matrix.clone(), translation.clone());
  }

  void restore(State state) {
    System.arraycopy(state.matrix(), 0, matrix, 0, 9);
    System.arraycopy(state.translation(), 0, translation, 0, 3);
  }

  abstract int parameterCount();

  /**
   * Returns the metric gradient in scaled parameters from the per-sample derivative {@code
   * derivative[k]} (d metric / d moving intensity) and moving-image gradients (3 per sample).
   */
  abstract double[] gradient(double[] positions, double[] derivative, double[] movingGradients, boolean[] valid);

  /** Applies a step given in scaled parameters. */
  abstract void step(double[] scaledDelta);

  /**
   * Rotation and translation. The rotation is updated by left multiplication with {@code exp([w]x)},
   * so the derivative of a mapped point {@code A(x - c)} along {@code w_i} is {@code e_i x A(x - c)}.
   */
  static final class Rigid extends TransformModel {
    Rigid(AffineTransform start) {
      super(start);
    }

    @Override
    int parameterCount() {
      return 6;
    }

    @Override
    double[] gradient(double[] positions, double[] derivative, double[] movingGradients, boolean[] valid) {
      double[] a = matrix;
      double[] g = new double[6];
      for (int k = 0; k < derivative.length; k++) {
        if (!valid[k] || derivative[k] == 0) {
          continue;
        }
        double x = positions[3 * k] - center[0];
        double y = positions[3 * k + 1] - center[1];
        double z = positions[3 * k + 2] - center[2];
        double ry = a[3] * x + a[4] * y + a[5] * z;
        double rx = a[0] * x + a[1] * y + a[2] * z;
        double rz = a[6] * x + a[7] * y + a[8] * z;
        double s = derivative[k];
        double vx = s * movingGradients[3 * k];
        double vy = s * movingGradients[3 * k + 1];
        double vz = s * movingGradients[3 * k + 2];
        // (A(x - c)) x v
        g[0] += ry * vz - rz * vy;
        g[1] += rz * vx - rx * vz;
        g[2] += rx * vy - ry * vx;
        g[3] += vx;
        g[4] += vy;
        g[5] += vz;
      }
      g[0] /= radiusMm;
      g[1] /= radiusMm;
      g[2] /= radiusMm;
      return g;
    }

    @Override
    void step(double[] delta) {
      double[] rotation = io.github.bratsensemble.imaging.transform.Rotations.exp(
          delta[0] / radiusMm, delta[1] / radiusMm, delta[2] / radiusMm);
      double[] updated = io.github.bratsensemble.imaging.transform.Rotations.multiply(rotation, matrix);
      System.arraycopy(updated, 0, matrix, 0, 9);
      translation[0] += delta[3];
      translation[1] += delta[4];
      translation[2] += delta[5];
    }
  }

  /** All 9 matrix elements and the translation; {@code dT/dA_ij = e_i (x - c)_j}. */
  static final class Affine extends TransformModel {
    Affine(AffineTransform start) {
      super(start);
    }

    @Override
    int parameterCount() {
      return 12;
    }

    @Override
    double[] gradient(double[] positions, double[] derivative, double[] movingGradients, boolean[] valid) {
      double[] g = new double[12];
      for (int k = 0; k < derivative.length; k++) {
        if (!valid[k] || derivative[k] == 0) {
          continue;
        }
        double[] d = {positions[3 * k] - center[0], positions[3 * k + 1] - center[1], positions[3 * k + 2] - center[2]};
        double s = derivative[k];
        for (int i = 0; i < 3; i++) {
          double v = s * movingGradients[3 * k + i];
          g[i * 3] += v * d[0];
          g[i * 3 + 1] += v * d[1];
          g[i * 3 + 2] += v * d[2];
          g[9 + i] += v;
        }
      }
      for (int i = 0; i < 9; i++) {
        g[i] /= radiusMm;
      }
      return g;
    }

    @Override
    void step(double[] delta) {
      for (int i = 0; i < 9; i++) {
        matrix[i] += delta[i] / radiusMm;
      }
      translation[0] += delta[9];
      translation[1] += delta[10];
      translation[2] += delta[11];
    }
  }
}
