package io.github.bratsensemble.fusionator.voting;

import io.github.bratsensemble.fusionator.labels.BitMask;

/**
 * Weighted votes on binary masks. The support of a voxel is the sum, in input order and double
 * precision, of the weights of the included inputs whose mask contains it. Thread-safe (stateless).
 */
public final class BinaryVote {
  private BinaryVote() {}

  /**
   * Returns the support of every voxel.
   *
   * @param included which inputs vote, or {@code null} for all of them
   */
  public static double[] support(BitMask[] masks, double[] weights, boolean[] included) {
    int size = masks[0].size();
    double[] support = new double[size];
    for (int i = 0; i < masks.length; i++) {
      if (included != null && !included[i]) {
        continue;
      }
      double weight = weights[i];
      for (int k : masks[i].toIndices()) {
        support[k] += weight;
      }
    }
    return support;
  }

  /**
   * Returns the strict-majority mask: support greater than half the total weight. A voxel whose
   * support is exactly half is foreground only when {@code tieForeground} is true.
   */
  public static BitMask majority(double[] support, double totalWeight, boolean tieForeground) {
    BitMask.Builder builder = BitMask.builder(support.length);
    for (int k = 0; k < support.length; k++) {
      double doubled = 2 * support[k];
      if (doubled > totalWeight || (tieForeground && doubled == totalWeight && totalWeight > 0)) {
        builder.set(k);
      }
    }
    return builder.build();
  }

  /**
   * Returns the mask of voxels with {@code support >= totalWeight / 2.0}, the rule of BraTS
   * Toolkit's binary majority vote.
   */
  public static BitMask atLeastHalf(double[] support, double totalWeight) {
    BitMask.Builder builder = BitMask.builder(support.length);
    double half = totalWeight / 2.0;
    for (int k = 0; k < support.length; k++) {
      if (support[k] >= half) {
        builder.set(k);
      }
    }
    return builder.build();
  }
}
