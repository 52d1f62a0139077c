package io.github.bratsensemble.algorithms.stats;

/**
 * Robust z-score normalisation: {@code z = (v - median) / (1.4826 * MAD)} with median and MAD
 * taken over a mask. Voxels outside the mask are set to 0. Stateless and thread-safe.
 */
public final class RobustZScores {
  private RobustZScores() {}

  /**
   * Returns robust z-scores of {@code values} over {@code mask}.
   *
   * @throws IllegalArgumentException naming {@code sequenceName} if the values inside the mask
   *     have no spread (MAD of 0), for example an empty or constant image
   */
  public static float[] compute(float[] values, byte[] mask, String sequenceName) {
    RobustStatistics.Location location = RobustStatistics.robustLocation(values, mask);
    if (!(location.sigma() > 0)) {
      throw new IllegalArgumentException(
          sequenceName + " has no intensity spread inside the brain (median " + location.median()
              + ", MAD 0 over " + location.count() + " voxels); the sequence is empty or constant");
    }
    float[] z = new float[values.length];
    double median = location.median();
    double scale = 1.0 / location.sigma();
    for (int i = 0; i < values.length; i++) {
      if (mask[i] != 0) {
        z[i] = (float) ((values[i] - median) * scale);
      }
    }
    return z;
  }
}
