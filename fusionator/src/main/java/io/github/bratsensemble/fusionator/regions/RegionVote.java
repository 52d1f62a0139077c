package io.github.bratsensemble.fusionator.regions;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.voting.BinaryVote;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import io.github.bratsensemble.fusionator.voting.Weights;

/**
 * Hierarchical BraTS fusion: WT, TC and ET are fused as three independent weighted binary majority
 * votes (support greater than half the total weight), then rebuilt with {@link NestedRegions}.
 * A voxel with exactly half the weight is background, or foreground under the {@code
 * highest-priority} tie policy; {@code undecided} ties are rejected because a binary vote has no
 * place for a third label.
 */
public final class RegionVote {
  private RegionVote() {}

  /**
   * Fuses the stack region by region.
   *
   * @throws IllegalArgumentException if the convention has no regions or the tie policy is {@code
   *     undecided}
   */
  public static FusedLabels fuse(LabelStack stack, LabelConvention convention, double[] weights, TiePolicy tie) {
    if (!convention.isBrats()) {
      throw new IllegalArgumentException(
          "method regions needs a BraTS label convention (brats2021 or brats2023) but got " + convention.name());
    }
    if (tie.kind() == TiePolicy.Kind.UNDECIDED) {
      throw new IllegalArgumentException(
          "tie policy " + tie.text() + " is only available for method majority; use background or highest-priority");
    }
    Weights.check(weights, stack.inputCount());
    boolean tieForeground = tie.kind() == TiePolicy.Kind.HIGHEST_PRIORITY;
    double total = Weights.sum(weights, null);
    BitMask[] fused = new BitMask[Region.values().length];
    for (Region region : Region.values()) {
      BitMask[] masks = stack.masks(region.members(convention));
      fused[region.ordinal()] = BinaryVote.majority(BinaryVote.support(masks, weights, null), total, tieForeground);
    }
    byte[] labels = NestedRegions.rebuild(
        fused[Region.WT.ordinal()], fused[Region.TC.ordinal()], fused[Region.ET.ordinal()], convention);
    return new FusedLabels(labels, 0);
  }
}
