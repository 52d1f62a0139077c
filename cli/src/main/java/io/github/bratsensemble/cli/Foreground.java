package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * The voxels of an image that show tissue rather than background: finite values above a tenth of
 * the 99th percentile of the positive values. On a skull-stripped image that is the brain without
 * the darkest CSF. On a whole-head image it leaves out the background noise around the head.
 */
final class Foreground {
  private static final int BINS = 1000;
  private static final double PERCENTILE = 0.99;
  private static final double FRACTION = 0.1;

  private Foreground() {}

  /**
   * Returns the 0/1 foreground mask.
   *
   * @throws IllegalArgumentException if no voxel is finite and above 0
   */
  static LabelVolume of(FloatVolume image) {
    float[] values = image.voxelArray();
    float max = 0;
    long positive = 0;
    for (float v : values) {
      if (v > 0 && Float.isFinite(v)) {
        max = Math.max(max, v);
        positive++;
      }
    }
    if (positive == 0) {
      throw new IllegalArgumentException("no voxel is finite and above 0, so the image has no foreground");
    }

    // The 99th percentile from a histogram of the positive values over (0, max].
    long[] counts = new long[BINS];
    for (float v : values) {
      if (v > 0 && Float.isFinite(v)) {
        counts[Math.min(BINS - 1, (int) (v / max * BINS))]++;
      }
    }
    long rank = (long) Math.ceil(PERCENTILE * positive);
    long seen = 0;
    int bin = 0;
    while (bin < BINS - 1 && seen + counts[bin] < rank) {
      seen += counts[bin];
      bin++;
    }
    double threshold = FRACTION * (bin + 1) * max / BINS;

    byte[] mask = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      mask[i] = (byte) (values[i] > threshold && Float.isFinite(values[i]) ? 1 : 0);
    }
    return LabelVolume.wrap(image.grid(), mask);
  }
}
