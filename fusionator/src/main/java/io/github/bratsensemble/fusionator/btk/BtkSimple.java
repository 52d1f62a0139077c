package io.github.bratsensemble.fusionator.btk;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.fusionator.voting.BinaryVote;
import io.github.bratsensemble.fusionator.voting.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SIMPLE variants of BraTS Toolkit 1.x ({@code Fusionator.fuse(method="simple")} and {@code
 * method="brats-simple"} with default arguments), reproduced with their quirks.
 *
 * <p>For each structure, on binary masks: the estimate starts as the vote {@code support >= half the
 * weight sum} with the user weights. Then up to 25 rounds: each kept input gets weight {@code (Dice
 * + 1)^2} against the estimate, with Dice = 0 when both are empty; inputs with weight {@code <= 0.05
 * * max weight} are dropped (never happens, because weights lie in [1, 4]; BraTS Toolkit computes
 * an increasing threshold but never uses it); the new estimate is the vote of the kept inputs with
 * the new weights; the loop stops when the voxel count of the new estimate differs from the
 * previous one by less than 25. The structure's label is written where the final estimate is 1,
 * later structures overwriting earlier ones.
 *
 * <ul>
 *   <li>{@code btk-simple}: structures are the labels found in the inputs (minus 0) in ascending
 *       order, each mask being {@code input == label}.
 *   <li>{@code btk-brats-simple}: WT (input non-zero) written as ED, then TC (NCR or ET) written as
 *       NCR, then ET written as ET.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class BtkSimple {
  static final int MAX_ROUNDS = 25;
  static final int STOP_VOXELS = 25;
  static final double DROP_FRACTION = 0.05;

  private BtkSimple() {}

  /** The fused labels and the per-structure diagnostics. */
  public record Fused(FusedLabels labels, List<StructureDiagnostics> diagnostics) {}

  /** Runs {@code btk-simple}. */
  public static Fused fuseLabels(LabelStack stack, double[] weights) {
    Weights.check(weights, stack.inputCount());
    byte[] result = new byte[stack.activeCount()];
    List<StructureDiagnostics> diagnostics = new ArrayList<>();
    for (int label : stack.foregroundLabelsPresent()) {
      boolean[] members = new boolean[256];
      members[label] = true;
      diagnostics.add(fuseStructure("label " + label, label, stack.masks(members), weights, result));
    }
    return new Fused(new FusedLabels(result, 0), diagnostics);
  }

  /**
   * Runs {@code btk-brats-simple}.
   *
   * @throws IllegalArgumentException if the convention has no BraTS regions
   */
  public static Fused fuseRegions(LabelStack stack, LabelConvention convention, double[] weights) {
    if (!convention.isBrats()) {
      throw new IllegalArgumentException("method btk-brats-simple needs a BraTS label convention "
          + "(brats2021 or brats2023) but got " + convention.name());
    }
    Weights.check(weights, stack.inputCount());
    byte[] result = new byte[stack.activeCount()];
    List<StructureDiagnostics> diagnostics = new ArrayList<>();
    boolean[] wt = new boolean[256];
    Arrays.fill(wt, 1, 256, true);
    diagnostics.add(fuseStructure("WT", convention.ed(), stack.masks(wt), weights, result));
    diagnostics.add(fuseStructure("TC", convention.ncr(), stack.masks(Region.TC.members(convention)), weights, result));
    diagnostics.add(fuseStructure("ET", convention.et(), stack.masks(Region.ET.members(convention)), weights, result));
    return new Fused(new FusedLabels(result, 0), diagnostics);
  }

  private static BtkSimpleDiagnostics fuseStructure(
      String structure, int label, BitMask[] masks, double[] userWeights, byte[] result) {
    int inputs = masks.length;
    boolean[] kept = new boolean[inputs];
    Arrays.fill(kept, true);
    BitMask estimate = BinaryVote.atLeastHalf(
        BinaryVote.support(masks, userWeights, kept), Weights.sum(userWeights, kept));
    int previousCount = estimate.cardinality();

    double[] weights = new double[inputs];
    int rounds = 0;
    boolean converged = false;
    while (rounds < MAX_ROUNDS) {
      rounds++;
      double maxWeight = 0;
      for (int i = 0; i < inputs; i++) {
        if (kept[i]) {
          double score = masks[i].dice(estimate, 0.0) + 1;
          weights[i] = score * score;
          maxWeight = Math.max(maxWeight, weights[i]);
        }
      }
      for (int i = 0; i < inputs; i++) {
        if (kept[i] && !(weights[i] > DROP_FRACTION * maxWeight)) {
          kept[i] = false;
        }
      }
      estimate = BinaryVote.atLeastHalf(BinaryVote.support(masks, weights, kept), Weights.sum(weights, kept));
      int count = estimate.cardinality();
      if (Math.abs(previousCount - count) < STOP_VOXELS) {
        converged = true;
        break;
      }
      previousCount = count;
    }

    for (int k : estimate.toIndices()) {
      result[k] = (byte) label;
    }
    return new BtkSimpleDiagnostics(structure, label, rounds, converged, weights, estimate.cardinality());
  }
}
