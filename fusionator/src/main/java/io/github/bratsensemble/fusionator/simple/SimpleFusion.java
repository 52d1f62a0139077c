package io.github.bratsensemble.fusionator.simple;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.fusionator.regions.LabelCompetition;
import io.github.bratsensemble.fusionator.regions.NestedRegions;
import io.github.bratsensemble.fusionator.voting.BinaryVote;
import io.github.bratsensemble.fusionator.voting.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SIMPLE (selective and iterative method for performance level estimation), after Langerak et al.,
 * "Label fusion in atlas-based segmentation using a selective and iterative method for performance
 * level estimation (SIMPLE)", IEEE Transactions on Medical Imaging 29(12), 2010.
 *
 * <p>Per binary structure: the first estimate is the weighted strict-majority vote of all inputs
 * (ties to background). Each round scores every retained input by its Dice coefficient with the
 * current estimate (1 when both are empty), discards the inputs scoring below {@code mean
 * - alpha * std - 1e-12} (population standard deviation over the retained inputs; a discarded input never
 * returns), and recomputes the estimate as the strict-majority vote of the retained inputs weighted
 * by their scores. It stops when neither the retained set nor the estimate changed in a round, or
 * after {@link SimpleParameters#maxRounds()} rounds. User weights only enter the first estimate.
 *
 * <p>BraTS conventions are fused per region (WT, TC, ET) and rebuilt with {@link NestedRegions};
 * custom conventions per label, combined with {@link LabelCompetition} using each voxel's
 * score-weighted vote fraction. Thread-safe (stateless).
 */
public final class SimpleFusion {
  private static final double DISCARD_MARGIN = 1e-12;

  private SimpleFusion() {}

  /** The estimate of one structure, the score-weighted vote fraction of every voxel, and diagnostics. */
  public record Outcome(BitMask estimate, double[] voteFraction, SimpleDiagnostics diagnostics) {}

  /** The fused labels and the per-structure diagnostics. */
  public record Fused(FusedLabels labels, List<StructureDiagnostics> diagnostics) {}

  /** Fuses the whole stack; see the class comment. */
  public static Fused fuse(LabelStack stack, LabelConvention convention, double[] weights, SimpleParameters parameters) {
    Weights.check(weights, stack.inputCount());
    List<StructureDiagnostics> diagnostics = new ArrayList<>();
    if (convention.isBrats()) {
      BitMask[] fused = new BitMask[3];
      for (Region region : Region.values()) {
        Outcome outcome = fuseMasks(region.name(), stack.masks(region.members(convention)), weights, parameters);
        fused[region.ordinal()] = outcome.estimate();
        diagnostics.add(outcome.diagnostics());
      }
      byte[] labels = NestedRegions.rebuild(fused[0], fused[1], fused[2], convention);
      return new Fused(new FusedLabels(labels, 0), diagnostics);
    }

    int[] labels = convention.foregroundLabels();
    BitMask[] masks = new BitMask[labels.length];
    double[][] fractions = new double[labels.length][];
    for (int l = 0; l < labels.length; l++) {
      boolean[] members = new boolean[256];
      members[labels[l]] = true;
      Outcome outcome = fuseMasks("label " + labels[l], stack.masks(members), weights, parameters);
      masks[l] = outcome.estimate();
      fractions[l] = outcome.voteFraction();
      diagnostics.add(outcome.diagnostics());
    }
    byte[] combined = LabelCompetition.combine(convention, labels, masks, fractions);
    return new Fused(new FusedLabels(combined, 0), diagnostics);
  }

  /** Runs SIMPLE on one binary structure given as one mask per input. */
  public static Outcome fuseMasks(String structure, BitMask[] masks, double[] weights, SimpleParameters parameters) {
    int inputs = masks.length;
    boolean[] retained = new boolean[inputs];
    Arrays.fill(retained, true);
    double[] voteWeights = weights.clone();
    double total = Weights.sum(voteWeights, retained);
    double[] support = BinaryVote.support(masks, voteWeights, retained);
    BitMask estimate = BinaryVote.majority(support, total, false);

    double[] scores = new double[inputs];
    int rounds = 0;
    boolean converged = false;
    while (rounds < parameters.maxRounds()) {
      rounds++;

      // Score the retained inputs against the current estimate.
      for (int i = 0; i < inputs; i++) {
        if (retained[i]) {
          scores[i] = masks[i].dice(estimate, 1.0);
        }
      }

      // Discard inputs scoring below mean - alpha * std. The margin keeps rounding noise in the
      // mean of equal scores from discarding inputs that score exactly the mean.
      double threshold = mean(scores, retained) - parameters.alpha() * standardDeviation(scores, retained)
          - DISCARD_MARGIN;
      boolean[] nextRetained = retained.clone();
      for (int i = 0; i < inputs; i++) {
        if (retained[i] && scores[i] < threshold) {
          nextRetained[i] = false;
        }
      }

      // Re-estimate with the scores as weights.
      total = Weights.sum(scores, nextRetained);
      support = BinaryVote.support(masks, scores, nextRetained);
      BitMask next = BinaryVote.majority(support, total, false);

      boolean unchanged = Arrays.equals(nextRetained, retained) && next.equals(estimate);
      retained = nextRetained;
      estimate = next;
      if (unchanged) {
        converged = true;
        break;
      }
    }

    double[] fraction = new double[support.length];
    for (int k = 0; k < support.length; k++) {
      fraction[k] = total > 0 ? support[k] / total : 0;
    }
    return new Outcome(estimate, fraction, new SimpleDiagnostics(structure, rounds, converged, scores, retained));
  }

  private static double mean(double[] values, boolean[] included) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (included[i]) {
        sum += values[i];
        n++;
      }
    }
    return sum / n;
  }

  private static double standardDeviation(double[] values, boolean[] included) {
    double mean = mean(values, included);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (included[i]) {
        double d = values[i] - mean;
        sum += d * d;
        n++;
      }
    }
    return Math.sqrt(sum / n);
  }
}
