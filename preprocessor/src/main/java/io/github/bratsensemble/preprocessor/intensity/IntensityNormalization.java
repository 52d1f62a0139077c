package io.github.bratsensemble.preprocessor.intensity;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Arrays;

/**
 * Normalises intensities over the voxels of a brain mask; voxels outside the mask become 0.
 *
 * <p>{@code zscore}: {@code (v - mean) / sd}. {@code percentile}: {@code (v - p0.5) / (p99.5 -
 * p0.5)} clipped to [0, 1], percentiles by linear interpolation between order statistics. An empty
 * mask or a constant brain is rejected, because neither has a defined scale.
 */
public final class IntensityNormalization {
  static final double LOW_PERCENTILE = 0.5;
  static final double HIGH_PERCENTILE = 99.5;

  private IntensityNormalization() {}

  /**
   * Returns the normalised image.
   *
   * @throws IllegalArgumentException if the mask is on another grid, is empty, or the brain is constant
   */
  public static FloatVolume apply(FloatVolume image, LabelVolume mask, NormalizationMethod method) {
    if (method == NormalizationMethod.NONE) {
      return image;
    }
    if (!image.grid().matches(mask.grid(), 1e-3)) {
      throw new IllegalArgumentException("brain mask is not on the image grid: "
          + mask.grid().describeDifference(image.grid(), 1e-3));
    }
    float[] v = image.voxelArray();
    byte[] m = mask.labelArray();
    float[] brain = brainValues(v, m);
    if (brain.length == 0) {
      throw new IllegalArgumentException("brain mask is empty, so intensities cannot be normalised");
    }
    float[] out = new float[v.length];
    if (method == NormalizationMethod.ZSCORE) {
      double sum = 0;
      for (float x : brain) {
        sum += x;
      }
      double mean = sum / brain.length;
      double squares = 0;
      for (float x : brain) {
        squares += (x - mean) * (x - mean);
      }
      double sd = Math.sqrt(squares / brain.length);
      requireSpread(sd);
      for (int i = 0; i < v.length; i++) {
        out[i] = m[i] != 0 ? (float) ((v[i] - mean) / sd) : 0f;
      }
    } else {
      Arrays.sort(brain);
      double low = percentile(brain, LOW_PERCENTILE);
      double high = percentile(brain, HIGH_PERCENTILE);
      requireSpread(high - low);
      for (int i = 0; i < v.length; i++) {
        if (m[i] != 0) {
          double scaled = (v[i] - low) / (high - low);
          out[i] = (float) Math.max(0, Math.min(1, scaled));
        }
      }
    }
    return FloatVolume.wrap(image.grid(), out);
  }

  /** Returns the {@code p}-th percentile (0..100) of sorted values, interpolating linearly. */
  static double percentile(float[] sorted, double p) {
    double rank = p / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(sorted.length - 1, lower + 1);
    double fraction = rank - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }

  private static void requireSpread(double spread) {
    if (!(spread > 0)) {
      throw new IllegalArgumentException("brain intensities are constant, so they cannot be normalised");
    }
  }

  private static float[] brainValues(float[] v, byte[] m) {
    int n = 0;
    for (byte b : m) {
      if (b != 0) {
        n++;
      }
    }
    float[] brain = new float[n];
    int k = 0;
    for (int i = 0; i < v.length; i++) {
      if (m[i] != 0) {
        brain[k++] = v[i];
      }
    }
    return brain;
  }
}
