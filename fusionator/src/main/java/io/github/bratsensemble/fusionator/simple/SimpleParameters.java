package io.github.bratsensemble.fusionator.simple;

/**
 * Parameters of SIMPLE.
 *
 * @param alpha inputs scoring below {@code mean - alpha * std} of the retained inputs' scores are
 *     discarded; 1 by default, at least 0
 * @param maxRounds the maximum number of score-and-vote rounds; 25 by default, at least 1
 */
public record SimpleParameters(double alpha, int maxRounds) {

  public static final SimpleParameters DEFAULTS = new SimpleParameters(1.0, 25);

  public SimpleParameters {
    if (!Double.isFinite(alpha) || alpha < 0) {
      throw new IllegalArgumentException("SIMPLE alpha must be a finite number >= 0 but was " + alpha);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("SIMPLE round cap must be at least 1 but was " + maxRounds);
    }
  }
}
