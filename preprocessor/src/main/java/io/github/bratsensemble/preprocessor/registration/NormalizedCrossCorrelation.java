package io.github.bratsensemble.preprocessor.registration;

/**
 * Negative global normalised cross-correlation {@code -Sfm / sqrt(Sff Smm)} over the valid samples,
 * with {@code S} sums of products of mean-centred intensities. Perfect positive correlation gives
 * -1. Returns NaN when either image is constant over the valid samples.
 */
final class NormalizedCrossCorrelation implements Metric {
  @Override
  public double evaluate(float[] fixed, float[] moving, boolean[] valid, int validCount, double[] derivative) {
    java.util.Arrays.fill(derivative, 0);
    double sumF = 0;
    double sumM = 0;
    for (int k = 0; k < fixed.length; k++) {
      if (valid[k]) {
        sumF += fixed[k];
        sumM += moving[k];
      }
    }

    double meanF = sumF / validCount;
    double meanM = sumM / validCount;
    double sff = 0;
    double smm = 0;
    double sfm = 0;
    for (int k = 0; k < fixed.length; k++) {
      if (valid[k]) {
        double f = fixed[k] - meanF;
        double m = moving[k] - meanM;
        sff += f * f;
        smm += m * m;
        sfm += f * m;
      }
    }

    double denominator = Math.sqrt(sff * smm);
    if (!(denominator > 0) || !Double.isFinite(sfm)) {
      return Double.NaN;
    }

    // d(Sfm)/dm_k = f_k - meanF and d(Smm)/dm_k = 2 (m_k - meanM), because centred sums are zero.
    for (int k = 0; k < fixed.length; k++) {
      if (valid[k]) {
        double f = fixed[k] - meanF;
        double m = moving[k] - meanM;
        derivative[k] = -(f / denominator - sfm * m / (denominator * smm));
      }
    }
    return -sfm / denominator;
  }
}
