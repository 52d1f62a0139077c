package io.github.bratsensemble.fusionator.staple;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.fusionator.regions.LabelCompetition;
import io.github.bratsensemble.fusionator.regions.NestedRegions;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary STAPLE applied structure by structure: per region (WT, TC, ET, rebuilt with {@link
 * NestedRegions}) for BraTS conventions, per label (combined with {@link LabelCompetition} by
 * posterior) for custom conventions. A voxel is in a structure when its posterior is greater than
 * the threshold. Inputs carry no weights in STAPLE: their performance is estimated instead.
 */
public final class StapleFusion {
  private StapleFusion() {}

  /** The fused labels and the per-structure sensitivities and specificities. */
  public record Fused(FusedLabels labels, List<StructureDiagnostics> diagnostics) {}

  /** Fuses the stack; see the class comment. */
  public static Fused fuse(LabelStack stack, LabelConvention convention, StapleParameters parameters) {
    List<StructureDiagnostics> diagnostics = new ArrayList<>();
    double threshold = parameters.threshold();
    if (convention.isBrats()) {
      BitMask[] fused = new BitMask[3];
      boolean[] inactiveMember = new boolean[3];
      for (Region region : Region.values()) {
        BinaryStaple.Outcome outcome = BinaryStaple.estimate(
            region.name(), stack.masks(region.members(convention)), stack.inactiveCount(), parameters);
        fused[region.ordinal()] = outcome.mask(threshold);
        inactiveMember[region.ordinal()] = outcome.inactivePosterior() > threshold;
        diagnostics.add(outcome.diagnostics());
      }
      byte[] labels = NestedRegions.rebuild(fused[0], fused[1], fused[2], convention);
      int inactiveLabel = NestedRegions.label(inactiveMember[0], inactiveMember[1], inactiveMember[2], convention);
      return new Fused(new FusedLabels(labels, inactiveLabel), diagnostics);
    }

    int[] labels = convention.foregroundLabels();
    BitMask[] masks = new BitMask[labels.length];
    double[][] posteriors = new double[labels.length][];
    int inactiveLabel = 0;
    double inactiveBest = threshold;
    for (int l = 0; l < labels.length; l++) {
      boolean[] members = new boolean[256];
      members[labels[l]] = true;
      BinaryStaple.Outcome outcome = BinaryStaple.estimate(
          "label " + labels[l], stack.masks(members), stack.inactiveCount(), parameters);
      masks[l] = outcome.mask(threshold);
      posteriors[l] = outcome.posterior();
      if (outcome.inactivePosterior() > inactiveBest) {
        inactiveBest = outcome.inactivePosterior();
        inactiveLabel = labels[l];
      }
      diagnostics.add(outcome.diagnostics());
    }
    byte[] combined = LabelCompetition.combine(convention, labels, masks, posteriors);
    return new Fused(new FusedLabels(combined, inactiveLabel), diagnostics);
  }
}
