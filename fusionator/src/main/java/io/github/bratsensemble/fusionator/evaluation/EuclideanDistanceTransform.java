package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.Arrays;

/**
 * Exact Euclidean distance transform with anisotropic voxel spacing, by the separable algorithm of
 * Felzenszwalb and Huttenlocher ("Distance Transforms of Sampled Functions", Theory of Computing
 * 8, 2012): the squared distance is minimised along x, then y, then z, each pass computing the lower
 * envelope of parabolas in time linear in the line length. Stateless and thread-safe.
 */
final class EuclideanDistanceTransform {

  private EuclideanDistanceTransform() {}

  /**
   * Returns, for every voxel of the box, the squared distance in mm² to the nearest voxel where
   * {@code features} is true, or {@link Double#POSITIVE_INFINITY} when there is no feature voxel.
   */
  static double[] squaredDistances(boolean[] features, Dimensions box, double[] spacingMm) {
    int nx = box.nx();
    int ny = box.ny();
    int nz = box.nz();
    double[] f = new double[features.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = features[i] ? 0 : Double.POSITIVE_INFINITY;
    }
    int longest = Math.max(nx, Math.max(ny, nz));
    double[] line = new double[longest];
    double[] out = new double[longest];
    int[] vertices = new int[longest];
    double[] boundaries = new double[longest + 1];

    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        int start = box.index(0, y, z);
        transformLine(f, start, 1, nx, spacingMm[0], line, out, vertices, boundaries);
      }
    }
    for (int z = 0; z < nz; z++) {
      for (int x = 0; x < nx; x++) {
        int start = box.index(x, 0, z);
        transformLine(f, start, nx, ny, spacingMm[1], line, out, vertices, boundaries);
      }
    }
    for (int y = 0; y < ny; y++) {
      for (int x = 0; x < nx; x++) {
        int start = box.index(x, y, 0);
        transformLine(f, start, nx * ny, nz, spacingMm[2], line, out, vertices, boundaries);
      }
    }
    return f;
  }

  /**
   * Replaces the samples {@code f[start + i * stride]}, i = 0..n-1, by min over p of
   * {@code (s (i - p))² + f(p)}, where s is the spacing. Samples at infinity contribute no parabola.
   */
  private static void transformLine(double[] f, int start, int stride, int n, double spacing,
      double[] line, double[] out, int[] vertices, double[] boundaries) {
    for (int i = 0; i < n; i++) {
      line[i] = f[start + i * stride];
    }

    // Lower envelope: vertices[0..k] are the parabola apexes, boundaries[j]..boundaries[j+1] the
    // range (in sample units) where parabola j is lowest.
    int k = -1;
    for (int q = 0; q < n; q++) {
      if (line[q] == Double.POSITIVE_INFINITY) {
        continue;
      }
      double s = Double.NEGATIVE_INFINITY;
      while (k >= 0) {
        int v = vertices[k];
        s = ((line[q] + square(q * spacing)) - (line[v] + square(v * spacing)))
            / (2 * spacing * spacing * (q - v));
        if (s <= boundaries[k]) {
          k--;
        } else {
          break;
        }
      }
      k++;
      vertices[k] = q;
      boundaries[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
      boundaries[k + 1] = Double.POSITIVE_INFINITY;
    }
    if (k < 0) {
      return;
    }

    int j = 0;
    for (int q = 0; q < n; q++) {
      while (boundaries[j + 1] < q) {
        j++;
      }
      int v = vertices[j];
      out[q] = square((q - v) * spacing) + line[v];
    }
    for (int i = 0; i < n; i++) {
      f[start + i * stride] = out[i];
    }
  }

  private static double square(double value) {
    return value * value;
  }

  /** Returns the distances in mm (square roots of {@link #squaredDistances}). */
  static double[] distances(boolean[] features, Dimensions box, double[] spacingMm) {
    double[] d = squaredDistances(features, box, spacingMm);
    Arrays.setAll(d, i -> Math.sqrt(d[i]));
    return d;
  }
}
