package io.github.bratsensemble.inference.segment;

import java.util.Arrays;

/** Per-channel intensity normalisation applied before a model sees its input. */
public sealed interface Normalization {

  /**
   * Returns one channel normalised. The input is not modified; {@link None} returns the input array
   * itself, so callers must not modify the result.
   */
  float[] apply(float[] values);

  /**
   * Zero mean and unit variance over the non-zero voxels (the brain in skull-stripped images);
   * zero voxels stay 0. A channel without non-zero voxels is returned as zeros.
   */
  record ZScoreBrain() implements Normalization {
    @Override
    public float[] apply(float[] values) {
      double sum = 0;
      double sumSquares = 0;
      long count = 0;
      for (float v : values) {
        if (v != 0) {
          sum += v;
          sumSquares += (double) v * v;
          count++;
        }
      }
      float[] out = new float[values.length];
      if (count == 0) {
        return out;
      }
      double mean = sum / count;
      double std = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
      double scale = std > 0 ? 1 / std : 1;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != 0) {
          out[i] = (float) ((values[i] - mean) * scale);
        }
      }
      return out;
    }
  }

  /**
   * Clips to the {@code low} and {@code high} percentiles (0..100) of all voxels and scales that
   * range to [0, 1]. Percentiles use linear interpolation between order statistics.
   */
  record Percentile(double low, double high) implements Normalization {
    public Percentile {
      if (!(low >= 0 && low < high && high <= 100)) {
        throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100 but were " + low + " and " + high);
      }
    }

    @Override
    public float[] apply(float[] values) {
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      double lo = percentile(sorted, low);
      double hi = percentile(sorted, high);
      float[] out = new float[values.length];
      if (!(hi > lo)) {
        return out;
      }
      for (int i = 0; i < values.length; i++) {
        double clipped = Math.max(lo, Math.min(hi, values[i]));
        out[i] = (float) ((clipped - lo) / (hi - lo));
      }
      return out;
    }

    private static double percentile(float[] sorted, double p) {
      double rank = p / 100 * (sorted.length - 1);
      int below = (int) Math.floor(rank);
      int above = Math.min(sorted.length - 1, below + 1);
      return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
  }

  /** Scales the minimum to 0 and the maximum to 1; a constant channel becomes zeros. */
  record MinMax() implements Normalization {
    @Override
    public float[] apply(float[] values) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      float[] out = new float[values.length];
      if (!(max > min)) {
        return out;
      }
      for (int i = 0; i < values.length; i++) {
        out[i] = (values[i] - min) / (max - min);
      }
      return out;
    }
  }

  /** Leaves values unchanged and returns the same array. */
  record None() implements Normalization {
    @Override
    public float[] apply(float[] values) {
      return values;
    }
  }

  /**
   * Parses a registry name: {@code zscore-brain}, {@code minmax}, {@code none}, or
   * {@code percentile} with the given low and high percentiles.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  static Normalization parse(String name, double low, double high) {
    return switch (name) {
      case "zscore-brain" -> new ZScoreBrain();
      case "percentile" -> new Percentile(low, high);
      case "minmax" -> new MinMax();
      case "none" -> new None();
      default -> throw new IllegalArgumentException(
          "unknown normalization '" + name + "'; expected zscore-brain, percentile, minmax or none");
    };
  }
}
