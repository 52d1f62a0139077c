package io.github.bratsensemble.reference;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * A deliberately simple lesion mask that exercises the container path. The brain is where FLAIR is
 * above 0. Brain voxels whose FLAIR exceeds the brain mean by more than two standard deviations
 * are oedema (label 2). Those among them whose T1c also exceeds its brain mean by more than two
 * standard deviations are enhancing tumour (label 4). Labels follow the BraTS 2021 convention.
 */
final class FlairLesionSegmenter {
  static final double THRESHOLD_SD = 2.0;

  private FlairLesionSegmenter() {}

  static LabelVolume segment(FloatVolume flair, FloatVolume t1c) {
    float[] f = flair.voxelArray();
    float[] c = t1c.voxelArray();
    double[] flairStats = brainMeanAndSd(f, f);
    double[] t1cStats = brainMeanAndSd(c, f);
    double flairThreshold = flairStats[0] + THRESHOLD_SD * flairStats[1];
    double t1cThreshold = t1cStats[0] + THRESHOLD_SD * t1cStats[1];
    byte[] labels = new byte[f.length];
    for (int i = 0; i < f.length; i++) {
      if (f[i] > 0 && f[i] > flairThreshold) {
        labels[i] = (byte) (c[i] > t1cThreshold ? 4 : 2);
      }
    }
    return LabelVolume.wrap(flair.grid(), labels);
  }

  /** Returns {mean, standard deviation} of {@code values} over the voxels where {@code brain} is above 0. */
  private static double[] brainMeanAndSd(float[] values, float[] brain) {
    double sum = 0;
    double sumSquares = 0;
    long n = 0;
    for (int i = 0; i < values.length; i++) {
      if (brain[i] > 0) {
        sum += values[i];
        sumSquares += (double) values[i] * values[i];
        n++;
      }
    }
    if (n == 0) {
      return new double[] {Double.POSITIVE_INFINITY, 0};
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, sumSquares / n - mean * mean))};
  }
}
