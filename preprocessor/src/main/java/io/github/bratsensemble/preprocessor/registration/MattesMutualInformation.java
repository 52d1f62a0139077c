package io.github.bratsensemble.preprocessor.registration;

/**
 * Negative Mattes mutual information (Mattes et al., "PET-CT image registration in the chest using
 * free-form deformations", IEEE Trans. Medical Imaging 22(1), 2003).
 *
 * <p>The joint histogram has {@code bins} bins per axis, two of them padding at each end. A fixed
 * intensity falls into one bin (zero-order Parzen window); a moving intensity spreads over four
 * bins with cubic B-spline weights, which makes the histogram, and so the metric, differentiable in
 * the moving intensity:
 *
 * <pre>
 *   p(l, j)   = 1/N sum_k [l = bin_f(f_k)] beta3(eta(m_k) - j)
 *   MI        = sum_{l,j} p(l, j) log(p(l, j) / (p_f(l) p_m(j)))
 *   dMI/dm_k  = 1/(N dm) sum_j beta3'(eta(m_k) - j) log(p(bin_f(f_k), j) / p_m(j))
 * </pre>
 *
 * where {@code eta(m) = (m - min_m)/dm + 2} and {@code dm} is the moving bin width. The derivative
 * uses that the fixed marginal does not depend on the transform and that each sample's window
 * weights sum to one.
 */
final class MattesMutualInformation implements Metric {
  private static final int PADDING = 2;

  private final int bins;
  private final double fixedMin;
  private final double fixedBinWidth;
  private final double movingMin;
  private final double movingBinWidth;
  private final double[] joint;
  private final double[] movingMarginal;
  private final double[] fixedMarginal;

  MattesMutualInformation(int bins, float fixedMin, float fixedMax, float movingMin, float movingMax) {
    this.bins = bins;
    this.fixedMin = fixedMin;
    this.fixedBinWidth = Math.max(fixedMax - fixedMin, Float.MIN_NORMAL) / (bins - 2 * PADDING);
    this.movingMin = movingMin;
    this.movingBinWidth = Math.max(movingMax - movingMin, Float.MIN_NORMAL) / (bins - 2 * PADDING);
    this.joint = new double[bins * bins];
    this.movingMarginal = new double[bins];
    this.fixedMarginal = new double[bins];
  }

  @Override
  public double evaluate(float[] fixed, float[] moving, boolean[] valid, int validCount, double[] derivative) {
    java.util.Arrays.fill(joint, 0);
    java.util.Arrays.fill(derivative, 0);
    int count = fixed.length;
    int[] fixedBin = new int[count];
    double[] eta = new double[count];

    // Joint histogram.
    for (int k = 0; k < count; k++) {
      if (!valid[k]) {
        continue;
      }
      if (!Float.isFinite(fixed[k]) || !Float.isFinite(moving[k])) {
        return Double.NaN;
      }
      int l = fixedBin(fixed[k]);
      double e = movingIndex(moving[k]);
      fixedBin[k] = l;
      eta[k] = e;
      int j0 = (int) e - 1;
      for (int j = j0; j < j0 + 4; j++) {
        joint[l * bins + j] += cubicBSpline(e - j);
      }
    }
    if (validCount == 0) {
      return Double.NaN;
    }

    // Marginals and the mutual information.
    java.util.Arrays.fill(movingMarginal, 0);
    java.util.Arrays.fill(fixedMarginal, 0);
    for (int l = 0; l < bins; l++) {
      for (int j = 0; j < bins; j++) {
        double p = joint[l * bins + j];
        fixedMarginal[l] += p;
        movingMarginal[j] += p;
      }
    }
    double n = validCount;
    double mutualInformation = 0;
    for (int l = 0; l < bins; l++) {
      for (int j = 0; j < bins; j++) {
        double p = joint[l * bins + j];
        if (p > 0) {
          mutualInformation += p / n * Math.log(p * n / (fixedMarginal[l] * movingMarginal[j]));
        }
      }
    }

    // Per-sample derivative of -MI; log(p/p_m) is the same with counts or probabilities.
    double scale = -1.0 / (n * movingBinWidth);
    for (int k = 0; k < count; k++) {
      if (!valid[k]) {
        continue;
      }
      int l = fixedBin[k];
      double e = eta[k];
      int j0 = (int) e - 1;
      double sum = 0;
      for (int j = j0; j < j0 + 4; j++) {
        double p = joint[l * bins + j];
        if (p > 0) {
          sum += cubicBSplineDerivative(e - j) * Math.log(p / movingMarginal[j]);
        }
      }
      derivative[k] = scale * sum;
    }
    return -mutualInformation;
  }

  private int fixedBin(float value) {
    int l = (int) ((value - fixedMin) / fixedBinWidth) + PADDING;
    return Math.max(PADDING, Math.min(bins - PADDING - 1, l));
  }

  private double movingIndex(float value) {
    double e = (value - movingMin) / movingBinWidth + PADDING;
    return Math.max(PADDING, Math.min(bins - PADDING - 1, e));
  }

  static double cubicBSpline(double t) {
    double a = Math.abs(t);
    if (a < 1) {
      return 2.0 / 3.0 - a * a + 0.5 * a * a * a;
    }
    if (a < 2) {
      double b = 2 - a;
      return b * b * b / 6.0;
    }
    return 0;
  }

  static double cubicBSplineDerivative(double t) {
    double a = Math.abs(t);
    if (a < 1) {
      return -2 * t + 1.5 * t * a;
    }
    if (a < 2) {
      double b = 2 - a;
      return t > 0 ? -0.5 * b * b : 0.5 * b * b;
    }
    return 0;
  }
}
