package io.github.bratsensemble.imaging.resample;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Cubic B-spline prefilter: turns voxel values into spline coefficients so that the spline passes
 * exactly through every voxel value (Unser, Aldroubi and Eden, IEEE Trans. Signal Processing 1993;
 * recursive form of Thévenaz, Blu and Unser, IEEE Trans. Medical Imaging 2000). Borders are
 * mirror-symmetric without repeating the edge sample, matching {@link #mirror}.
 */
final class BSplineCoefficients {
  /** The pole of the cubic B-spline prefilter, sqrt(3) - 2. */
  private static final double POLE = Math.sqrt(3) - 2;
  private static final double TOLERANCE = 1e-10;

  private BSplineCoefficients() {}

  /** Returns the coefficient array of an image, filtering along x, y and z in turn. */
  static float[] of(float[] values, Dimensions d, int threads) {
    float[] c = values.clone();
    int nx = d.nx();
    int ny = d.ny();
    int nz = d.nz();
    Slabs.run(nz, threads, (zStart, zEnd) -> {
      double[] line = new double[Math.max(nx, ny)];
      for (int z = zStart; z < zEnd; z++) {
        for (int y = 0; y < ny; y++) {
          filterLine(c, z * nx * ny + y * nx, 1, nx, line);
        }
        for (int x = 0; x < nx; x++) {
          filterLine(c, z * nx * ny + x, nx, ny, line);
        }
      }
    });
    Slabs.run(ny, threads, (yStart, yEnd) -> {
      double[] line = new double[nz];
      for (int y = yStart; y < yEnd; y++) {
        for (int x = 0; x < nx; x++) {
          filterLine(c, y * nx + x, nx * ny, nz, line);
        }
      }
    });
    return c;
  }

  /** Maps an index onto {@code [0, n)} by mirroring about the first and last sample. */
  static int mirror(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * n - 2;
    int r = Math.floorMod(i, period);
    return r >= n ? period - r : r;
  }

  private static void filterLine(float[] data, int start, int stride, int n, double[] line) {
    if (n < 2) {
      return;
    }
    for (int k = 0; k < n; k++) {
      line[k] = data[start + k * stride] * 6.0;
    }
    double z = POLE;
    line[0] = initialCausal(line, n, z);
    for (int k = 1; k < n; k++) {
      line[k] += z * line[k - 1];
    }
    line[n - 1] = (z / (z * z - 1)) * (z * line[n - 2] + line[n - 1]);
    for (int k = n - 2; k >= 0; k--) {
      line[k] = z * (line[k + 1] - line[k]);
    }
    for (int k = 0; k < n; k++) {
      data[start + k * stride] = (float) line[k];
    }
  }

  private static double initialCausal(double[] c, int n, double z) {
    int horizon = (int) Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
    if (horizon < n) {
      double zn = z;
      double sum = c[0];
      for (int k = 1; k < horizon; k++) {
        sum += zn * c[k];
        zn *= z;
      }
      return sum;
    }
    double zn = z;
    double iz = 1 / z;
    double z2n = Math.pow(z, n - 1);
    double sum = c[0] + z2n * c[n - 1];
    z2n *= z2n * iz;
    for (int k = 1; k < n - 1; k++) {
      sum += (zn + z2n) * c[k];
      zn *= z;
      z2n *= iz;
    }
    return sum / (1 - zn * zn);
  }
}
