package io.github.bratsensemble.preprocessor.qc;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Normalised mutual information {@code (H(A) + H(B)) / H(A, B)} of two images on one grid (Studholme,
 * Hill and Hawkes, Pattern Recognition 1999), from a joint histogram of the voxels inside a mask.
 * It is 1 for independent images and 2 for images that determine each other, and does not depend on
 * how much the mask overlaps, which makes it a fair before/after check of an alignment.
 *
 * <p>Each image's intensities are binned linearly between its minimum and maximum inside the mask.
 */
public final class NormalizedMutualInformation {
  /** Histogram bins per image. */
  public static final int DEFAULT_BINS = 64;

  private NormalizedMutualInformation() {}

  /**
   * Returns the NMI of {@code a} and {@code b} over the voxels where {@code mask} is non-zero.
   *
   * @throws IllegalArgumentException if the grids differ or the mask is empty
   */
  public static double of(FloatVolume a, FloatVolume b, LabelVolume mask, int bins) {
    if (!a.grid().matches(b.grid(), 1e-3) || !a.grid().matches(mask.grid(), 1e-3)) {
      throw new IllegalArgumentException("images and mask must share one grid");
    }
    float[] va = a.voxelArray();
    float[] vb = b.voxelArray();
    byte[] m = mask.labelArray();
    float[] rangeA = maskedRange(va, m);
    float[] rangeB = maskedRange(vb, m);
    if (rangeA == null) {
      throw new IllegalArgumentException("mask is empty, so mutual information is undefined");
    }
    long[] joint = new long[bins * bins];
    long n = 0;
    for (int i = 0; i < va.length; i++) {
      if (m[i] != 0) {
        joint[bin(va[i], rangeA, bins) * bins + bin(vb[i], rangeB, bins)]++;
        n++;
      }
    }
    double[] pa = new double[bins];
    double[] pb = new double[bins];
    double jointEntropy = 0;
    for (int x = 0; x < bins; x++) {
      for (int y = 0; y < bins; y++) {
        long c = joint[x * bins + y];
        if (c > 0) {
          double p = (double) c / n;
          jointEntropy -= p * Math.log(p);
          pa[x] += p;
          pb[y] += p;
        }
      }
    }
    double entropyA = entropy(pa);
    double entropyB = entropy(pb);
    return jointEntropy == 0 ? 2.0 : (entropyA + entropyB) / jointEntropy;
  }

  private static double entropy(double[] p) {
    double h = 0;
    for (double v : p) {
      if (v > 0) {
        h -= v * Math.log(v);
      }
    }
    return h;
  }

  private static int bin(float v, float[] range, int bins) {
    if (range[1] <= range[0]) {
      return 0;
    }
    int b = (int) ((v - range[0]) / (range[1] - range[0]) * bins);
    return Math.max(0, Math.min(bins - 1, b));
  }

  private static float[] maskedRange(float[] v, byte[] m) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (m[i] != 0) {
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
    }
    return min > max ? null : new float[] {min, max};
  }
}
