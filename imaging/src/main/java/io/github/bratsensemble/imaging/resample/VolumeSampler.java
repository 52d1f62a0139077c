package io.github.bratsensemble.imaging.resample;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Reads a voxel array at a continuous voxel index that the caller has checked to lie inside
 * {@code [-0.5, n - 0.5]} on every axis. Implementations are immutable and thread-safe.
 */
interface VolumeSampler {
  /** Fractions of a voxel closer than this to a voxel centre read that voxel exactly. */
  double SNAP = 1e-9;

  float sample(double u, double v, double w);

  /** Returns the flat index of the voxel nearest to (u, v, w), rounding halves up. */
  static int nearestIndex(double u, double v, double w, Dimensions d) {
    int x = clamp((int) Math.floor(u + 0.5), d.nx());
    int y = clamp((int) Math.floor(v + 0.5), d.ny());
    int z = clamp((int) Math.floor(w + 0.5), d.nz());
    return x + d.nx() * (y + d.ny() * z);
  }

  static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }

  /**
   * Returns the label whose trilinearly interpolated indicator is largest at (u, v, w). A tie goes
   * to the nearest voxel's label when it is among the tied labels, otherwise to the smallest: at a
   * half-voxel offset boundaries then shift by half a voxel instead of every larger label eroding.
   * {@code scratch} is a 256-element work array, zero on entry and on return.
   */
  static int majorityLabel(byte[] labels, Dimensions d, double u, double v, double w, double[] scratch) {
    int x0 = (int) Math.floor(u);
    int y0 = (int) Math.floor(v);
    int z0 = (int) Math.floor(w);
    double fx = u - x0;
    double fy = v - y0;
    double fz = w - z0;
    int[] seen = new int[8];
    int seenCount = 0;
    for (int corner = 0; corner < 8; corner++) {
      int dx = corner & 1;
      int dy = (corner >> 1) & 1;
      int dz = (corner >> 2) & 1;
      double weight = (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * (dz == 1 ? fz : 1 - fz);
      if (weight == 0) {
        continue;
      }
      int label = labels[clamp(x0 + dx, d.nx()) + d.nx() * (clamp(y0 + dy, d.ny()) + d.ny() * clamp(z0 + dz, d.nz()))]
          & 0xFF;
      if (scratch[label] == 0) {
        seen[seenCount++] = label;
      }
      scratch[label] += weight;
    }
    int nearest = labels[nearestIndex(u, v, w, d)] & 0xFF;
    int best = -1;
    double bestWeight = -1;
    for (int i = 0; i < seenCount; i++) {
      int label = seen[i];
      double weight = scratch[label];
      if (weight > bestWeight || (weight == bestWeight && winsTie(label, best, nearest))) {
        best = label;
        bestWeight = weight;
      }
      scratch[label] = 0;
    }
    return best;
  }

  /** Returns whether {@code label} beats {@code best} at equal weight, given the nearest voxel's label. */
  static boolean winsTie(int label, int best, int nearest) {
    return label == nearest || (best != nearest && label < best);
  }

  /** Nearest-neighbour reading. */
  record Nearest(float[] values, Dimensions d) implements VolumeSampler {
    @Override
    public float sample(double u, double v, double w) {
      return values[nearestIndex(u, v, w, d)];
    }
  }

  /** Trilinear reading with edge voxels repeated beyond the border. */
  record Linear(float[] values, Dimensions d) implements VolumeSampler {
    @Override
    public float sample(double u, double v, double w) {
      int x0 = (int) Math.floor(u);
      int y0 = (int) Math.floor(v);
      int z0 = (int) Math.floor(w);
      double fx = u - x0;
      double fy = v - y0;
      double fz = w - z0;
      // Round-off from composing affines must not blur an exact voxel-to-voxel mapping.
      if (fx < SNAP || fx > 1 - SNAP) {
        x0 = (int) Math.round(u);
        fx = 0;
      }
      if (fy < SNAP || fy > 1 - SNAP) {
        y0 = (int) Math.round(v);
        fy = 0;
      }
      if (fz < SNAP || fz > 1 - SNAP) {
        z0 = (int) Math.round(w);
        fz = 0;
      }
      int nx = d.nx();
      int ny = d.ny();
      int xa = clamp(x0, nx);
      int xb = clamp(x0 + 1, nx);
      int ya = clamp(y0, ny) * nx;
      int yb = clamp(y0 + 1, ny) * nx;
      int za = clamp(z0, d.nz()) * nx * ny;
      int zb = clamp(z0 + 1, d.nz()) * nx * ny;
      double c00 = values[xa + ya + za] + fx * (values[xb + ya + za] - values[xa + ya + za]);
      double c10 = values[xa + yb + za] + fx * (values[xb + yb + za] - values[xa + yb + za]);
      double c01 = values[xa + ya + zb] + fx * (values[xb + ya + zb] - values[xa + ya + zb]);
      double c11 = values[xa + yb + zb] + fx * (values[xb + yb + zb] - values[xa + yb + zb]);
      double c0 = c00 + fy * (c10 - c00);
      double c1 = c01 + fy * (c11 - c01);
      return (float) (c0 + fz * (c1 - c0));
    }
  }

  /** Cubic B-spline reading of prefiltered coefficients, mirrored at the borders. */
  record CubicBSpline(float[] coefficients, Dimensions d) implements VolumeSampler {
    @Override
    public float sample(double u, double v, double w) {
      int x0 = (int) Math.floor(u) - 1;
      int y0 = (int) Math.floor(v) - 1;
      int z0 = (int) Math.floor(w) - 1;
      double[] wx = weights(u - Math.floor(u));
      double[] wy = weights(v - Math.floor(v));
      double[] wz = weights(w - Math.floor(w));
      int nx = d.nx();
      int ny = d.ny();
      int[] xi = new int[4];
      for (int i = 0; i < 4; i++) {
        xi[i] = BSplineCoefficients.mirror(x0 + i, nx);
      }
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        int zOffset = BSplineCoefficients.mirror(z0 + k, d.nz()) * nx * ny;
        double planeSum = 0;
        for (int j = 0; j < 4; j++) {
          int rowOffset = zOffset + BSplineCoefficients.mirror(y0 + j, ny) * nx;
          double rowSum = 0;
          for (int i = 0; i < 4; i++) {
            rowSum += wx[i] * coefficients[rowOffset + xi[i]];
          }
          planeSum += wy[j] * rowSum;
        }
        sum += wz[k] * planeSum;
      }
      return (float) sum;
    }

    /** Cubic B-spline weights of the 4 coefficients at offsets -1, 0, 1, 2 for a fraction {@code t} in [0, 1). */
    static double[] weights(double t) {
      double t2 = t * t;
      double t3 = t2 * t;
      double s = 1 - t;
      return new double[] {s * s * s / 6, (4 - 6 * t2 + 3 * t3) / 6, (1 + 3 * t + 3 * t2 - 3 * t3) / 6, t3 / 6};
    }
  }
}
