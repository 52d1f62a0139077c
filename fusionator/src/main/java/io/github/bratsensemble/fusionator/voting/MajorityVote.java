package io.github.bratsensemble.fusionator.voting;

import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import java.util.stream.IntStream;

/**
 * Weighted plurality vote per voxel over all labels of a convention, background included.
 *
 * <p>INPUTS: a {@link LabelStack} whose labels all belong to the convention, and one positive weight
 * per input. OUTPUT: at each voxel the label with the largest sum of weights; ties are resolved by
 * the {@link TiePolicy}. With unit weights and {@code undecided=0} the output equals ITK's
 * LabelVotingImageFilter with undecided label 0. Voxels that are background in every input stay
 * background, because background then gets every vote. Votes are counted in one pass over the
 * inputs per voxel; large stacks are split into slabs that run in parallel. Thread-safe (stateless).
 */
public final class MajorityVote {
  private static final int SLAB_VOXELS = 1 << 16;

  private MajorityVote() {}

  /** Fuses the stack; see the class comment for the rule. */
  public static FusedLabels fuse(LabelStack stack, LabelConvention convention, double[] weights, TiePolicy tie) {
    Weights.check(weights, stack.inputCount());
    int activeCount = stack.activeCount();
    byte[] result = new byte[activeCount];
    int slabs = Math.max(1, (activeCount + SLAB_VOXELS - 1) / SLAB_VOXELS);
    IntStream.range(0, slabs).parallel().forEach(slab -> {
      int start = slab * SLAB_VOXELS;
      int end = Math.min(activeCount, start + SLAB_VOXELS);
      voteSlab(stack, convention, weights, tie, start, end, result);
    });
    return new FusedLabels(result, 0);
  }

  private static void voteSlab(
      LabelStack stack, LabelConvention convention, double[] weights, TiePolicy tie, int start, int end,
      byte[] result) {
    int classCount = convention.classCount();
    int[] ranks = convention.classRanks();
    int[] classByLabel = new int[256];
    for (int label = 0; label < 256; label++) {
      classByLabel[label] = convention.classOf(label);
    }
    int inputs = stack.inputCount();
    byte[][] labels = new byte[inputs][];
    for (int i = 0; i < inputs; i++) {
      labels[i] = stack.labels(i);
    }
    double[] votes = new double[classCount];

    for (int k = start; k < end; k++) {
      java.util.Arrays.fill(votes, 0.0);
      for (int i = 0; i < inputs; i++) {
        votes[classByLabel[labels[i][k] & 0xFF]] += weights[i];
      }
      int best = 0;
      boolean tied = false;
      for (int c = 1; c < classCount; c++) {
        if (votes[c] > votes[best]) {
          best = c;
          tied = false;
        } else if (votes[c] == votes[best]) {
          tied = true;
        }
      }
      if (!tied) {
        result[k] = (byte) convention.labelOfClass(best);
        continue;
      }
      result[k] = switch (tie.kind()) {
        case BACKGROUND -> 0;
        case UNDECIDED -> (byte) tie.undecidedLabel();
        case HIGHEST_PRIORITY -> (byte) convention.labelOfClass(highestRankedMax(votes, votes[best], ranks));
      };
    }
  }

  private static int highestRankedMax(double[] votes, double max, int[] ranks) {
    int winner = -1;
    for (int c = 0; c < votes.length; c++) {
      if (votes[c] == max && (winner < 0 || ranks[c] > ranks[winner])) {
        winner = c;
      }
    }
    return winner;
  }
}
