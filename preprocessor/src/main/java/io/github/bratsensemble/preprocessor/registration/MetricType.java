package io.github.bratsensemble.preprocessor.registration;

/** The similarity measure a registration optimises. */
public enum MetricType {
  /**
   * Mattes mutual information (Mattes et al., IEEE Trans. Medical Imaging 2003): joint histogram
   * with a zero-order Parzen window on fixed intensities and a cubic B-spline window on moving
   * intensities; suits any pair of MRI contrasts.
   */
  MATTES_MUTUAL_INFORMATION,
  /** Global normalised cross-correlation; for pairs of the same contrast. */
  NORMALIZED_CROSS_CORRELATION,
  /** Mean of squared intensity differences; for pairs of the same contrast and intensity scale. */
  MEAN_SQUARES
}
