package io.github.bratsensemble.algorithms.stats;

import java.util.Arrays;

/**
 * Order statistics of the voxels inside a mask: median, median absolute deviation (MAD) and
 * percentiles. Each call copies and sorts the selected values (O(n log n), 4 bytes per voxel).
 * Stateless and thread-safe.
 */
public final class RobustStatistics {
  /** Scale that makes the MAD a consistent estimator of the standard deviation of a normal distribution. */
  public static final double MAD_TO_SIGMA = 1.4826;

  private RobustStatistics() {}

  /** Returns the values at voxels where {@code mask} is non-zero, sorted ascending. */
  public static float[] sortedValues(float[] values, byte[] mask) {
    checkLengths(values, mask);
    int count = 0;
    for (byte m : mask) {
      if (m != 0) {
        count++;
      }
    }
    float[] selected = new float[count];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (mask[i] != 0) {
        selected[k++] = values[i];
      }
    }
    Arrays.sort(selected);
    return selected;
  }

  /**
   * Returns the {@code p}-th percentile (0..100) of sorted values, interpolating linearly between
   * order statistics.
   *
   * @throws IllegalArgumentException if {@code sorted} is empty or {@code p} is outside 0..100
   */
  public static double percentile(float[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of an empty set of values");
    }
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be within 0..100 but was " + p);
    }
    double position = p / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    double fraction = position - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }

  /** Returns the median of sorted values (the mean of the two middle values for an even count). */
  public static double median(float[] sorted) {
    return percentile(sorted, 50);
  }

  /** Returns the median absolute deviation from {@code center} of sorted values, unscaled. */
  public static double medianAbsoluteDeviation(float[] sorted, double center) {
    float[] deviations = new float[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      deviations[i] = (float) Math.abs(sorted[i] - center);
    }
    Arrays.sort(deviations);
    return median(deviations);
  }

  /** Returns the median and the MAD-based standard deviation estimate of the voxels in {@code mask}. */
  public static Location robustLocation(float[] values, byte[] mask) {
    float[] sorted = sortedValues(values, mask);
    double median = median(sorted);
    double sigma = MAD_TO_SIGMA * medianAbsoluteDeviation(sorted, median);
    return new Location(median, sigma, sorted.length);
  }

  private static void checkLengths(float[] values, byte[] mask) {
    if (values.length != mask.length) {
      throw new IllegalArgumentException(
          "values have " + values.length + " voxels but the mask has " + mask.length);
    }
  }

  /**
   * A robust location and scale estimate.
   *
   * @param median the median
   * @param sigma 1.4826 times the median absolute deviation
   * @param count the number of values
   */
  public record Location(double median, double sigma, int count) {}
}
