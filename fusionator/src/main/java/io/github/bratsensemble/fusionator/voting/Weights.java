package io.github.bratsensemble.fusionator.voting;

/** Checks and sums per-input vote weights. */
public final class Weights {
  private Weights() {}

  /** Returns {@code count} weights of 1. */
  public static double[] unit(int count) {
    double[] weights = new double[count];
    java.util.Arrays.fill(weights, 1.0);
    return weights;
  }

  /**
   * Checks that there is one finite, positive weight per input.
   *
   * @throws IllegalArgumentException naming the offending weight
   */
  public static void check(double[] weights, int inputCount) {
    if (weights.length != inputCount) {
      throw new IllegalArgumentException(
          "expected one weight per input (" + inputCount + ") but got " + weights.length);
    }
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || weights[i] <= 0) {
        throw new IllegalArgumentException(
            "weight " + (i + 1) + " must be a finite number greater than 0 but was " + weights[i]);
      }
    }
  }

  /** Returns the sum of the weights of the included inputs, added in input order. */
  public static double sum(double[] weights, boolean[] included) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (included == null || included[i]) {
        total += weights[i];
      }
    }
    return total;
  }
}
