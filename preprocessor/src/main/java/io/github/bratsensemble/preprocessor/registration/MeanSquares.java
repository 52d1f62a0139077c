package io.github.bratsensemble.preprocessor.registration;

/** Mean squared intensity difference over the valid samples, in squared intensity units. */
final class MeanSquares implements Metric {
  @Override
  public double evaluate(float[] fixed, float[] moving, boolean[] valid, int validCount, double[] derivative) {
    java.util.Arrays.fill(derivative, 0);
    double sum = 0;
    for (int k = 0; k < fixed.length; k++) {
      if (valid[k]) {
        double difference = (double) moving[k] - fixed[k];
        sum += difference * difference;
        derivative[k] = 2 * difference / validCount;
      }
    }
    return validCount == 0 ? Double.NaN : sum / validCount;
  }
}
