package io.github.bratsensemble.fusionator.staple;

/**
 * Parameters of STAPLE.
 *
 * @param threshold binary STAPLE: a voxel is foreground when its posterior probability is greater
 *     than this; 0.5 by default, in [0, 1)
 * @param maxIterations the cap on EM iterations; 100 by default
 * @param tolerance EM stops when no sensitivity, specificity or confusion-matrix entry changed by
 *     more than this in an iteration; 1e-9 by default
 */
public record StapleParameters(double threshold, int maxIterations, double tolerance) {

  public static final StapleParameters DEFAULTS = new StapleParameters(0.5, 100, 1e-9);

  public StapleParameters {
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("STAPLE threshold must be in [0, 1) but was " + threshold);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("STAPLE iteration cap must be at least 1 but was " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("STAPLE tolerance must be greater than 0 but was " + tolerance);
    }
  }
}
