package io.github.bratsensemble.fusionator.staple;

import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.voting.Weights;

/**
 * Multi-label STAPLE after Rohlfing, Russakoff and Maurer, "Performance-based classifier
 * combination in atlas-based image segmentation using expectation-maximization parameter
 * estimation", IEEE Transactions on Medical Imaging 23(8), 2004: one confusion matrix per input.
 *
 * <p>The classes are background plus the convention's labels. The class priors are fixed to the
 * class frequencies over all inputs and voxels. The first estimate is the weighted plurality vote
 * (ties to background) as a one-hot posterior. Each iteration: M step {@code λ_k(i, j) = Σ W(i)
 * [D_k = j] / Σ W(i)}, keeping the previous row (initially the identity row) when class i has no
 * posterior mass; E step {@code W(i) ∝ π_i Π_k λ_k(i, D_k)} in log space, falling back to the
 * priors when every class has probability 0. EM stops when no matrix entry moved by more than the
 * tolerance, or at the iteration cap. Each voxel gets the class of largest posterior; equal
 * posteriors go to the lower class index (background first). Thread-safe (stateless).
 */
public final class MultiLabelStaple {
  private MultiLabelStaple() {}

  /** The fused labels with the estimated parameters. */
  public record Outcome(FusedLabels labels, MultiLabelStapleDiagnostics diagnostics) {}

  /** Runs multi-label STAPLE over the whole stack. */
  public static Outcome estimate(
      LabelStack stack, LabelConvention convention, double[] weights, StapleParameters parameters) {
    Weights.check(weights, stack.inputCount());
    int inputs = stack.inputCount();
    int classes = convention.classCount();
    int activeCount = stack.activeCount();

    byte[][] decisions = new byte[inputs][activeCount];
    for (int i = 0; i < inputs; i++) {
      byte[] labels = stack.labels(i);
      for (int k = 0; k < activeCount; k++) {
        decisions[i][k] = (byte) convention.classOf(labels[k] & 0xFF);
      }
    }
    DecisionPatterns patterns = DecisionPatterns.of(decisions, stack.inactiveCount());
    int patternCount = patterns.patternCount();

    // Class priors: frequencies over all inputs and voxels.
    double[] prior = new double[classes];
    for (int t = 0; t < patternCount; t++) {
      for (int k = 0; k < inputs; k++) {
        prior[patterns.decisions[t][k]] += patterns.voxelCounts[t];
      }
    }
    double total = (double) inputs * stack.voxelCount();
    for (int c = 0; c < classes; c++) {
      prior[c] /= total;
    }

    // Initial posteriors: one-hot weighted plurality vote, ties to background.
    double[][] w = new double[patternCount][classes];
    for (int t = 0; t < patternCount; t++) {
      w[t][pluralityClass(patterns.decisions[t], weights, classes)] = 1;
    }

    double[][][] confusion = new double[inputs][classes][classes];
    for (double[][] matrix : confusion) {
      for (int c = 0; c < classes; c++) {
        matrix[c][c] = 1;
      }
    }

    int iterations = 0;
    boolean converged = false;
    while (iterations < parameters.maxIterations()) {
      iterations++;
      double change = maximisation(patterns, w, confusion);
      expectation(patterns, prior, confusion, w);
      if (change <= parameters.tolerance()) {
        converged = true;
        break;
      }
    }

    byte[] result = new byte[activeCount];
    int[] classOfPattern = new int[patternCount];
    for (int t = 0; t < patternCount; t++) {
      classOfPattern[t] = argmax(w[t]);
    }
    for (int k = 0; k < activeCount; k++) {
      result[k] = (byte) convention.labelOfClass(classOfPattern[patterns.patternOfVoxel[k]]);
    }
    int inactiveLabel = patterns.zeroPattern >= 0 && stack.inactiveCount() > 0
        ? convention.labelOfClass(classOfPattern[patterns.zeroPattern]) : 0;

    int[] labels = new int[classes];
    for (int c = 0; c < classes; c++) {
      labels[c] = convention.labelOfClass(c);
    }
    return new Outcome(new FusedLabels(result, inactiveLabel),
        new MultiLabelStapleDiagnostics("all labels", iterations, converged, labels, prior, confusion));
  }

  /** M step; returns the largest change of any matrix entry. */
  private static double maximisation(DecisionPatterns patterns, double[][] w, double[][][] confusion) {
    int inputs = confusion.length;
    int classes = confusion[0].length;
    double change = 0;
    for (int k = 0; k < inputs; k++) {
      double[][] sums = new double[classes][classes];
      double[] rowTotals = new double[classes];
      for (int t = 0; t < w.length; t++) {
        int said = patterns.decisions[t][k];
        double count = patterns.voxelCounts[t];
        for (int c = 0; c < classes; c++) {
          double mass = count * w[t][c];
          sums[c][said] += mass;
          rowTotals[c] += mass;
        }
      }
      for (int c = 0; c < classes; c++) {
        if (rowTotals[c] <= 0) {
          continue;
        }
        for (int j = 0; j < classes; j++) {
          double next = sums[c][j] / rowTotals[c];
          change = Math.max(change, Math.abs(next - confusion[k][c][j]));
          confusion[k][c][j] = next;
        }
      }
    }
    return change;
  }

  /** E step: posteriors of every pattern from the priors and confusion matrices. */
  private static void expectation(DecisionPatterns patterns, double[] prior, double[][][] confusion, double[][] w) {
    int classes = prior.length;
    double[] logs = new double[classes];
    for (int t = 0; t < w.length; t++) {
      byte[] d = patterns.decisions[t];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double log = Math.log(prior[c]);
        for (int k = 0; k < d.length; k++) {
          log += Math.log(confusion[k][c][d[k]]);
        }
        logs[c] = log;
        max = Math.max(max, log);
      }
      if (max == Double.NEGATIVE_INFINITY) {
        System.arraycopy(prior, 0, w[t], 0, classes);
        continue;
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        w[t][c] = Math.exp(logs[c] - max);
        sum += w[t][c];
      }
      for (int c = 0; c < classes; c++) {
        w[t][c] /= sum;
      }
    }
  }

  private static int pluralityClass(byte[] decisions, double[] weights, int classes) {
    double[] votes = new double[classes];
    for (int k = 0; k < decisions.length; k++) {
      votes[decisions[k]] += weights[k];
    }
    int best = 0;
    boolean tied = false;
    for (int c = 1; c < classes; c++) {
      if (votes[c] > votes[best]) {
        best = c;
        tied = false;
      } else if (votes[c] == votes[best]) {
        tied = true;
      }
    }
    return tied ? 0 : best;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }
}
