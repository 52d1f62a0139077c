package io.github.bratsensemble.imaging.conform;

import java.util.stream.IntStream;

/**
 * Intensity scaling applied to conformed images before brainchop-style models see them.
 *
 * <p>Brainchop (neuroneural/brainchop, {@code tensor-utils.js} and niivue's {@code conform}) works in
 * two steps. First the conformed image is stored as uint8: FastSurfer's robust rescale maps the
 * global minimum to 0 and the intensity below which all but 0.1 % of the non-zero voxels lie
 * (from a 1000-bin histogram) to 255, clamps to [0, 255] and truncates to an integer. Then, per
 * model, the uint8 volume is scaled to [0, 1] either by min-max ({@code (v - min) / (max - min)})
 * or, for models with quantile normalisation such as MindGrab, by the 5 % and 95 % quantiles
 * ({@code (v - q05) / (q95 - q05)}, not clamped, so values fall outside [0, 1]). Brainchop
 * estimates the quantiles from 100 000 random voxels; {@link #quantileToUnit} computes them exactly.
 */
public final class ConformIntensity {
  private static final int HISTOGRAM_BINS = 1000;
  /** Voxels per parallel task. */
  private static final int BLOCK = 1 << 20;
  /** Fraction of non-zero voxels kept below the upper limit of the robust rescale. */
  private static final double UPPER_FRACTION = 0.999;

  private ConformIntensity() {}

  /**
   * Returns the values rescaled to the integers 0..255 with FastSurfer's robust rescale (lower
   * fraction 0, upper fraction 0.999), as floats.
   *
   * <p>NOTE: FastSurfer leaves uint8 inputs unscaled; this method cannot see the stored datatype and
   * rescales them like any other input.
   */
  public static float[] toUint8Range(float[] values) {
    int blocks = (values.length + BLOCK - 1) / BLOCK;
    // Per block: minimum, maximum and the count of non-zero values, merged afterwards.
    float[] blockMin = new float[blocks];
    float[] blockMax = new float[blocks];
    long[] blockNonZero = new long[blocks];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      long nonZero = 0;
      for (int i = b * BLOCK, end = Math.min(values.length, i + BLOCK); i < end; i++) {
        float v = values[i];
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
        if (Math.abs(v) >= 1e-15) {
          nonZero++;
        }
      }
      blockMin[b] = min;
      blockMax[b] = max;
      blockNonZero[b] = nonZero;
    });
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nonZero = 0;
    for (int b = 0; b < blocks; b++) {
      min = Math.min(min, blockMin[b]);
      max = Math.max(max, blockMax[b]);
      nonZero += blockNonZero[b];
    }
    float[] out = new float[values.length];
    if (!(max > min)) {
      return out;
    }

    // Cumulative histogram over [min, max].
    double binSize = (max - min) / HISTOGRAM_BINS;
    double binsPerUnit = 1 / binSize;
    double low = min;
    long[] cumulative = IntStream.range(0, blocks).parallel().mapToObj(b -> {
      long[] counts = new long[HISTOGRAM_BINS];
      for (int i = b * BLOCK, end = Math.min(values.length, i + BLOCK); i < end; i++) {
        // values[i] - low >= 0, so the cast truncates like floor.
        int bin = (int) ((values[i] - low) * binsPerUnit);
        counts[Math.min(bin, HISTOGRAM_BINS - 1)]++;
      }
      return counts;
    }).reduce(new long[HISTOGRAM_BINS], (a, c) -> {
      long[] sum = a.clone();
      for (int i = 0; i < HISTOGRAM_BINS; i++) {
        sum[i] += c[i];
      }
      return sum;
    });
    for (int i = 1; i < HISTOGRAM_BINS; i++) {
      cumulative[i] += cumulative[i - 1];
    }

    // Upper limit: the first bin edge below which all but (1 - UPPER_FRACTION) of the non-zero voxels lie.
    long nth = values.length - (long) Math.floor((1.0 - UPPER_FRACTION) * nonZero);
    int index = 0;
    while (index < HISTOGRAM_BINS - 1 && cumulative[index + 1] < nth) {
      index++;
    }
    double upper = index * binSize + min;
    double scale = upper > min ? 255.0 / (upper - min) : 1.0;
    IntStream.range(0, blocks).parallel().forEach(b -> {
      for (int i = b * BLOCK, end = Math.min(values.length, i + BLOCK); i < end; i++) {
        double v = scale * (values[i] - low);
        // Clamped to [0, 255] first, so the cast truncates like floor.
        out[i] = (int) Math.max(0, Math.min(255, v));
      }
    });
    return out;
  }

  /** Scales values in place to [0, 1] by their minimum and maximum; a constant input becomes all 0. */
  public static void minMaxToUnit(float[] values) {
    int blocks = (values.length + BLOCK - 1) / BLOCK;
    float[][] ranges = IntStream.range(0, blocks).parallel().mapToObj(b -> {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = b * BLOCK, end = Math.min(values.length, i + BLOCK); i < end; i++) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      return new float[] {min, max};
    }).toArray(float[][]::new);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float[] range : ranges) {
      min = Math.min(min, range[0]);
      max = Math.max(max, range[1]);
    }
    scale(values, min, max);
  }

  /**
   * Scales values of 0..255 (the output of {@link #toUint8Range}) in place by the exact quantiles
   * {@code low} and {@code high}: {@code (v - q_low) / (q_high - q_low)}, without clamping. The
   * quantile index rule is brainchop's: {@code floor(n * low)} and {@code ceil(n * high) - 1} of the
   * sorted values.
   *
   * @throws IllegalArgumentException if a value is not an integer in 0..255, or the quantiles are not 0 <= low < high <= 1
   */
  public static void quantileToUnit(float[] values, double low, double high) {
    if (!(low >= 0 && low < high && high <= 1)) {
      throw new IllegalArgumentException("quantiles must satisfy 0 <= low < high <= 1 but were " + low + " and " + high);
    }
    long[] counts = new long[256];
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
        throw new IllegalArgumentException("value " + v + " at index " + i + " is not an integer in 0..255");
      }
      counts[(int) v]++;
    }
    long n = values.length;
    int qLow = valueAtRank(counts, (long) Math.floor(n * low));
    int qHigh = valueAtRank(counts, Math.max(0, (long) Math.ceil(n * high) - 1));
    scale(values, qLow, qHigh);
  }

  private static int valueAtRank(long[] counts, long rank) {
    long seen = 0;
    for (int value = 0; value < counts.length; value++) {
      seen += counts[value];
      if (seen > rank) {
        return value;
      }
    }
    return counts.length - 1;
  }

  private static void scale(float[] values, float low, float high) {
    if (!(high > low)) {
      java.util.Arrays.fill(values, 0f);
      return;
    }
    float range = high - low;
    IntStream.range(0, values.length).parallel().forEach(i -> values[i] = (values[i] - low) / range);
  }
}
