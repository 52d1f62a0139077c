package io.github.bratsensemble.imaging.transform;

/** Rotation matrices (row-major, 9 values) from the parameterisations ITK's rigid transforms use. */
public final class Rotations {
  private Rotations() {}

  /**
   * Returns the rotation of ITK's {@code Euler3DTransform}: {@code Rz Rx Ry}, or {@code Rz Ry Rx}
   * when {@code zyx} is set, with right-handed rotations by the given angles in radians.
   */
  public static double[] euler(double angleX, double angleY, double angleZ, boolean zyx) {
    double[] rx = {1, 0, 0, 0, Math.cos(angleX), -Math.sin(angleX), 0, Math.sin(angleX), Math.cos(angleX)};
    double[] ry = {Math.cos(angleY), 0, Math.sin(angleY), 0, 1, 0, -Math.sin(angleY), 0, Math.cos(angleY)};
    double[] rz = {Math.cos(angleZ), -Math.sin(angleZ), 0, Math.sin(angleZ), Math.cos(angleZ), 0, 0, 0, 1};
    return zyx ? multiply(rz, multiply(ry, rx)) : multiply(rz, multiply(rx, ry));
  }

  /**
   * Returns the rotation of a unit quaternion given by its vector part (ITK's versor), with the
   * scalar part {@code sqrt(1 - |v|^2)}.
   *
   * @throws IllegalArgumentException if {@code |v| > 1}
   */
  public static double[] versor(double x, double y, double z) {
    double norm2 = x * x + y * y + z * z;
    if (norm2 > 1 + 1e-12) {
      throw new IllegalArgumentException("versor (" + x + ", " + y + ", " + z + ") has norm "
          + Math.sqrt(norm2) + "; at most 1 is allowed");
    }
    double w = Math.sqrt(Math.max(0, 1 - norm2));
    return new double[] {
        1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
        2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
        2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
  }

  /**
   * Returns {@code exp([w]x)}, the rotation by angle {@code |w|} about axis {@code w / |w|}
   * (Rodrigues' formula).
   */
  public static double[] exp(double wx, double wy, double wz) {
    double angle = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (angle < 1e-300) {
      return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }
    double kx = wx / angle;
    double ky = wy / angle;
    double kz = wz / angle;
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double v = 1 - c;
    return new double[] {
        c + kx * kx * v, kx * ky * v - kz * s, kx * kz * v + ky * s,
        ky * kx * v + kz * s, c + ky * ky * v, ky * kz * v - kx * s,
        kz * kx * v - ky * s, kz * ky * v + kx * s, c + kz * kz * v};
  }

  /** Returns the product {@code a b} of two row-major 3x3 matrices. */
  public static double[] multiply(double[] a, double[] b) {
    double[] r = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          sum += a[i * 3 + k] * b[k * 3 + j];
        }
        r[i * 3 + j] = sum;
      }
    }
    return r;
  }
}
