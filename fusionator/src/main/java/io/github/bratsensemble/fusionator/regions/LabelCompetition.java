package io.github.bratsensemble.fusionator.regions;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.LabelConvention;

/**
 * Combines per-label binary fusions of a custom convention into one label map. A voxel claimed by
 * no label is background. A voxel claimed by several labels gets the one with the largest score
 * (vote fraction or posterior probability). Equal scores go to the label listed first in the
 * convention.
 */
public final class LabelCompetition {
  private LabelCompetition() {}

  /**
   * Returns the labels of the active voxels.
   *
   * @param labels the foreground label of each mask
   * @param masks the fused mask of each label
   * @param scores per label, the score of every active voxel
   */
  public static byte[] combine(LabelConvention convention, int[] labels, BitMask[] masks, double[][] scores) {
    int[] ranks = convention.classRanks();
    byte[] result = new byte[masks[0].size()];
    double[] bestScore = new double[result.length];
    int[] bestRank = new int[result.length];
    for (int l = 0; l < labels.length; l++) {
      int rank = ranks[convention.classOf(labels[l])];
      for (int k : masks[l].toIndices()) {
        double score = scores[l][k];
        boolean wins = result[k] == 0
            || score > bestScore[k]
            || (score == bestScore[k] && rank > bestRank[k]);
        if (wins) {
          result[k] = (byte) labels[l];
          bestScore[k] = score;
          bestRank[k] = rank;
        }
      }
    }
    return result;
  }
}
