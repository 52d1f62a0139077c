package io.github.bratsensemble.fusionator.staple;

import io.github.bratsensemble.fusionator.labels.BitMask;
import java.util.Arrays;

/**
 * Binary STAPLE (simultaneous truth and performance level estimation), after Warfield, Zou and
 * Wells, "Simultaneous truth and performance level estimation (STAPLE): an algorithm for the
 * validation of image segmentation", IEEE Transactions on Medical Imaging 23(7), 2004.
 *
 * <p>INPUTS: one binary mask per input over the active voxels, plus the count of inactive voxels
 * (every input decides 0 there). PARAMETERS: {@link StapleParameters}. The prior probability f of
 * foreground is fixed to the mean foreground fraction over all inputs and voxels. Sensitivities p
 * and specificities q start at 0.99.
 *
 * <p>E step: the posterior of foreground at a voxel with decisions D is {@code W = f Πp^D(1-p)^(1-D)
 * / (f Πp^D(1-p)^(1-D) + (1-f) Πq^(1-D)(1-q)^D)}, computed in log space; when both terms are 0 the
 * posterior is the prior. M step: {@code p_j = ΣW D_j / ΣW}, {@code q_j = Σ(1-W)(1-D_j) / Σ(1-W)};
 * when a denominator is 0 the previous value is kept. All sums are doubles (float counters lose
 * integer precision past 2^24 voxels). EM stops when no p or q moved by more than the tolerance,
 * or at the iteration cap; the output posteriors use the final p and q.
 *
 * <p>When no input marks any voxel (f = 0) EM is skipped: every posterior is 0, p is NaN and q is
 * 1. Thread-safe (stateless).
 */
public final class BinaryStaple {
  private static final double INITIAL_PERFORMANCE = 0.99;

  private BinaryStaple() {}

  /** Posteriors of the active voxels and of the inactive voxels, with the estimated parameters. */
  public record Outcome(double[] posterior, double inactivePosterior, BinaryStapleDiagnostics diagnostics) {

    /** Returns the mask of active voxels whose posterior is greater than {@code threshold}. */
    public BitMask mask(double threshold) {
      BitMask.Builder builder = BitMask.builder(posterior.length);
      for (int k = 0; k < posterior.length; k++) {
        if (posterior[k] > threshold) {
          builder.set(k);
        }
      }
      return builder.build();
    }
  }

  /** Runs STAPLE on one binary structure. */
  public static Outcome estimate(String structure, BitMask[] masks, long inactiveCount, StapleParameters parameters) {
    int inputs = masks.length;
    int activeCount = masks[0].size();
    byte[][] decisions = new byte[inputs][activeCount];
    for (int i = 0; i < inputs; i++) {
      for (int k : masks[i].toIndices()) {
        decisions[i][k] = 1;
      }
    }
    DecisionPatterns patterns = DecisionPatterns.of(decisions, inactiveCount);

    double totalVoxels = activeCount + (double) inactiveCount;
    double marked = 0;
    for (BitMask mask : masks) {
      marked += mask.cardinality();
    }
    double prior = marked / (inputs * totalVoxels);

    double[] p = new double[inputs];
    double[] q = new double[inputs];
    if (prior == 0) {
      Arrays.fill(p, Double.NaN);
      Arrays.fill(q, 1.0);
      return new Outcome(new double[activeCount], 0.0,
          new BinaryStapleDiagnostics(structure, 0, true, prior, p, q));
    }
    Arrays.fill(p, INITIAL_PERFORMANCE);
    Arrays.fill(q, INITIAL_PERFORMANCE);

    int patternCount = patterns.patternCount();
    double[] w = new double[patternCount];
    int iterations = 0;
    boolean converged = false;
    while (iterations < parameters.maxIterations()) {
      iterations++;
      posteriors(patterns, prior, p, q, w);

      double change = 0;
      for (int j = 0; j < inputs; j++) {
        double foreground = 0;
        double foregroundSaid1 = 0;
        double background = 0;
        double backgroundSaid0 = 0;
        for (int t = 0; t < patternCount; t++) {
          double count = patterns.voxelCounts[t];
          double weightForeground = count * w[t];
          double weightBackground = count * (1 - w[t]);
          foreground += weightForeground;
          background += weightBackground;
          if (patterns.decisions[t][j] != 0) {
            foregroundSaid1 += weightForeground;
          } else {
            backgroundSaid0 += weightBackground;
          }
        }
        double nextP = foreground > 0 ? foregroundSaid1 / foreground : p[j];
        double nextQ = background > 0 ? backgroundSaid0 / background : q[j];
        change = Math.max(change, Math.max(Math.abs(nextP - p[j]), Math.abs(nextQ - q[j])));
        p[j] = nextP;
        q[j] = nextQ;
      }
      if (change <= parameters.tolerance()) {
        converged = true;
        break;
      }
    }
    posteriors(patterns, prior, p, q, w);

    double[] posterior = new double[activeCount];
    for (int k = 0; k < activeCount; k++) {
      posterior[k] = w[patterns.patternOfVoxel[k]];
    }
    double inactivePosterior = patterns.zeroPattern >= 0 ? w[patterns.zeroPattern] : 0;
    return new Outcome(posterior, inactivePosterior,
        new BinaryStapleDiagnostics(structure, iterations, converged, prior, p, q));
  }

  /** E step: fills {@code w} with the posterior of foreground of every pattern. */
  private static void posteriors(DecisionPatterns patterns, double prior, double[] p, double[] q, double[] w) {
    double logPrior = Math.log(prior);
    double logPriorBackground = Math.log(1 - prior);
    for (int t = 0; t < w.length; t++) {
      byte[] d = patterns.decisions[t];
      double logForeground = logPrior;
      double logBackground = logPriorBackground;
      for (int j = 0; j < d.length; j++) {
        if (d[j] != 0) {
          logForeground += Math.log(p[j]);
          logBackground += Math.log(1 - q[j]);
        } else {
          logForeground += Math.log(1 - p[j]);
          logBackground += Math.log(q[j]);
        }
      }
      w[t] = normalise(logForeground, logBackground, prior);
    }
  }

  /** Returns {@code a / (a + b)} for {@code a = exp(logA)}, {@code b = exp(logB)}; the prior when both are 0. */
  private static double normalise(double logA, double logB, double prior) {
    if (logA == Double.NEGATIVE_INFINITY && logB == Double.NEGATIVE_INFINITY) {
      return prior;
    }
    if (logA >= logB) {
      return 1 / (1 + Math.exp(logB - logA));
    }
    double ratio = Math.exp(logA - logB);
    return ratio / (1 + ratio);
  }
}
