package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.FloatVolume;

/**
 * The moving image of one level, read at world points by trilinear interpolation together with the
 * exact gradient of that interpolant in world coordinates (mm^-1). A point is valid when its
 * continuous voxel index lies in {@code [0, n - 1]} on every axis. Immutable and thread-safe.
 */
final class MovingImage {
  private final float[] data;
  private final int nx;
  private final int ny;
  private final int nz;
  private final double[] worldToIndex;
  private final float min;
  private final float max;

  MovingImage(FloatVolume image) {
    this.data = image.voxelArray();
    Dimensions d = image.grid().dimensions();
    this.nx = d.nx();
    this.ny = d.ny();
    this.nz = d.nz();
    Affine inverse = image.grid().affine().inverse();
    this.worldToIndex = inverse.toRows();
    float[] range = image.range();
    this.min = range[0];
    this.max = range[1];
  }

  float min() {
    return min;
  }

  float max() {
    return max;
  }

  /**
   * Reads every point of {@code points} (x, y, z per point); writes value, world gradient (3 per
   * point) and validity. Invalid points get value 0 and gradient 0.
   */
  int sampleAll(double[] points, float[] values, double[] gradients, boolean[] valid) {
    int validCount = 0;
    double[] a = worldToIndex;
    int count = values.length;
    for (int k = 0; k < count; k++) {
      double x = points[3 * k];
      double y = points[3 * k + 1];
      double z = points[3 * k + 2];
      double u = a[0] * x + a[1] * y + a[2] * z + a[3];
      double v = a[4] * x + a[5] * y + a[6] * z + a[7];
      double w = a[8] * x + a[9] * y + a[10] * z + a[11];
      if (!(u >= 0 && u <= nx - 1 && v >= 0 && v <= ny - 1 && w >= 0 && w <= nz - 1)) {
        valid[k] = false;
        values[k] = 0;
        gradients[3 * k] = 0;
        gradients[3 * k + 1] = 0;
        gradients[3 * k + 2] = 0;
        continue;
      }
      valid[k] = true;
      validCount++;
      sample(u, v, w, values, gradients, k);
    }
    return validCount;
  }

  private void sample(double u, double v, double w, float[] values, double[] gradients, int k) {
    int x0 = Math.min((int) u, Math.max(nx - 2, 0));
    int y0 = Math.min((int) v, Math.max(ny - 2, 0));
    int z0 = Math.min((int) w, Math.max(nz - 2, 0));
    double fx = u - x0;
    double fy = v - y0;
    double fz = w - z0;
    int dx = nx > 1 ? 1 : 0;
    int dy = ny > 1 ? nx : 0;
    int dz = nz > 1 ? nx * ny : 0;
    int i000 = x0 + nx * (y0 + ny * z0);
    double c000 = data[i000];
    double c100 = data[i000 + dx];
    double c010 = data[i000 + dy];
    double c110 = data[i000 + dx + dy];
    double c001 = data[i000 + dz];
    double c101 = data[i000 + dx + dz];
    double c011 = data[i000 + dy + dz];
    double c111 = data[i000 + dx + dy + dz];

    double gx = 1 - fx;
    double gy = 1 - fy;
    double gz = 1 - fz;
    double value = gz * (gy * (gx * c000 + fx * c100) + fy * (gx * c010 + fx * c110))
        + fz * (gy * (gx * c001 + fx * c101) + fy * (gx * c011 + fx * c111));
    double du = gz * (gy * (c100 - c000) + fy * (c110 - c010)) + fz * (gy * (c101 - c001) + fy * (c111 - c011));
    double dv = gz * (gx * (c010 - c000) + fx * (c110 - c100)) + fz * (gx * (c011 - c001) + fx * (c111 - c101));
    double dw = gy * (gx * (c001 - c000) + fx * (c101 - c100)) + fy * (gx * (c011 - c010) + fx * (c111 - c110));

    // Chain rule: index = L * world + o, so d/dworld_j = sum_i d/dindex_i * L_ij.
    double[] a = worldToIndex;
    values[k] = (float) value;
    gradients[3 * k] = du * a[0] + dv * a[4] + dw * a[8];
    gradients[3 * k + 1] = du * a[1] + dv * a[5] + dw * a[9];
    gradients[3 * k + 2] = du * a[2] + dv * a[6] + dw * a[10];
  }
}
