package io.github.bratsensemble.preprocessor.registration;

/**
 * A similarity measure over paired fixed and moving sample intensities; lower is better. Besides
 * the value, {@link #evaluate} writes the derivative of the value with respect to each moving
 * intensity, from which the transform gradient follows by the chain rule. Implementations keep
 * per-level settings only and are thread-confined.
 */
interface Metric {
  /**
   * Returns the metric value over the valid samples and writes {@code d value / d moving[k]} into
   * {@code derivative[k]} (0 for invalid samples); returns NaN if a valid sample is not finite.
   */
  double evaluate(float[] fixed, float[] moving, boolean[] valid, int validCount, double[] derivative);

  /** Creates the metric of a level; {@code fixedMin..fixedMax} and {@code movingMin..movingMax} span the intensities. */
  static Metric create(MetricType type, int bins, float fixedMin, float fixedMax, float movingMin, float movingMax) {
    return switch (type) {
      case MATTES_MUTUAL_INFORMATION -> new MattesMutualInformation(bins, fixedMin, fixedMax, movingMin, movingMax);
      case NORMALIZED_CROSS_CORRELATION -> new NormalizedCrossCorrelation();
      case MEAN_SQUARES -> new MeanSquares();
    };
  }
}
