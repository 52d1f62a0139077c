package io.github.bratsensemble.fusionator.agreement;

import io.github.bratsensemble.fusionator.FusionResult;
import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the agreement statistics of a {@link FusionResult}: per input Dice, Jaccard, volume and
 * lesion count per label and region against the consensus, pairwise Dice between inputs, and
 * Fleiss' kappa over the voxels where any input is non-background. Thread-safe (stateless).
 */
public final class AgreementAnalysis {
  /** The voxels over which Fleiss' kappa is computed, as written in the report. */
  public static final String KAPPA_SCOPE = "voxels where any input is non-background";

  private AgreementAnalysis() {}

  /** One label or region: its name, kind and member labels. */
  private record Structure(String name, String kind, boolean[] members) {}

  /** Computes the report. */
  public static AgreementReport analyse(FusionResult result) {
    LabelStack stack = result.stack();
    LabelConvention convention = result.options().convention();
    double voxelMl = stack.grid().voxelVolumeMl();
    Dimensions dims = stack.grid().dimensions();
    int[] voxelIndices = stack.voxelIndices();
    byte[] consensusLabels = result.activeLabels().activeLabels();
    int inactiveLabel = result.activeLabels().inactiveLabel();

    List<Structure> structures = structures(convention);
    List<Structure> pairwiseStructures = new ArrayList<>();
    for (Structure structure : structures) {
      if (structure.kind().equals(convention.isBrats() ? "region" : "label")) {
        pairwiseStructures.add(structure);
      }
    }

    // Consensus statistics.
    List<AgreementReport.StructureStatistics> consensus = new ArrayList<>();
    BitMask[] consensusMasks = new BitMask[structures.size()];
    for (int s = 0; s < structures.size(); s++) {
      Structure structure = structures.get(s);
      BitMask mask = BitMask.of(consensusLabels, structure.members());
      consensusMasks[s] = mask;
      long extra = structure.members()[inactiveLabel] ? stack.inactiveCount() : 0;
      long voxels = mask.cardinality() + extra;
      // NOTE: lesions are not counted when inactive voxels join the structure (a STAPLE corner case).
      Integer lesions = extra > 0 ? null : ConnectedComponents.count(toFlat(mask, voxelIndices), dims);
      consensus.add(new AgreementReport.StructureStatistics(
          structure.name(), structure.kind(), voxels, voxels * voxelMl, lesions, null, null, voxels == 0));
    }

    // Per-input statistics.
    List<AgreementReport.InputAgreement> inputs = new ArrayList<>();
    BitMask[][] inputMasks = new BitMask[stack.inputCount()][structures.size()];
    for (int i = 0; i < stack.inputCount(); i++) {
      List<AgreementReport.StructureStatistics> rows = new ArrayList<>();
      List<String> empty = new ArrayList<>();
      boolean allBackground = true;
      for (byte label : stack.labels(i)) {
        if (label != 0) {
          allBackground = false;
          break;
        }
      }
      for (int s = 0; s < structures.size(); s++) {
        Structure structure = structures.get(s);
        BitMask mask = stack.mask(i, structure.members());
        inputMasks[i][s] = mask;
        long consensusVoxels = consensus.get(s).voxels();
        boolean bothEmpty = mask.isEmpty() && consensusVoxels == 0;
        // Inactive consensus voxels never overlap an input, so they only enlarge the denominators.
        long consensusExtra = consensusVoxels - consensusMasks[s].cardinality();
        int intersection = mask.intersectionCount(consensusMasks[s]);
        double dice = bothEmpty ? 1.0 : 2.0 * intersection / (mask.cardinality() + consensusVoxels);
        double jaccard = bothEmpty ? 1.0
            : (double) intersection / (mask.cardinality() + consensusMasks[s].cardinality() + consensusExtra
                - intersection);
        if (mask.isEmpty()) {
          empty.add(structure.name());
        }
        rows.add(new AgreementReport.StructureStatistics(structure.name(), structure.kind(), mask.cardinality(),
            mask.cardinality() * voxelMl, ConnectedComponents.count(toFlat(mask, voxelIndices), dims), dice, jaccard,
            bothEmpty));
      }
      inputs.add(new AgreementReport.InputAgreement(
          result.inputNames().get(i), result.weights()[i], allBackground, empty, rows));
    }

    // Pairwise Dice.
    List<AgreementReport.PairwiseDice> pairwise = new ArrayList<>();
    for (Structure structure : pairwiseStructures) {
      int s = structures.indexOf(structure);
      int n = stack.inputCount();
      double[][] dice = new double[n][n];
      int bothEmptyPairs = 0;
      for (int a = 0; a < n; a++) {
        dice[a][a] = 1.0;
        for (int b = a + 1; b < n; b++) {
          BitMask maskA = inputMasks[a][s];
          BitMask maskB = inputMasks[b][s];
          if (maskA.isEmpty() && maskB.isEmpty()) {
            bothEmptyPairs++;
          }
          dice[a][b] = maskA.dice(maskB, 1.0);
          dice[b][a] = dice[a][b];
        }
      }
      pairwise.add(new AgreementReport.PairwiseDice(structure.name(), result.inputNames(), dice, bothEmptyPairs));
    }

    return new AgreementReport(result.options().method().cliName(), convention.name(), voxelMl, consensus, inputs,
        pairwise, kappa(stack, convention), result.diagnostics(), result.warnings());
  }

  private static AgreementReport.Kappa kappa(LabelStack stack, LabelConvention convention) {
    byte[][] categories = new byte[stack.inputCount()][stack.activeCount()];
    for (int i = 0; i < stack.inputCount(); i++) {
      byte[] labels = stack.labels(i);
      for (int k = 0; k < labels.length; k++) {
        categories[i][k] = (byte) convention.classOf(labels[k] & 0xFF);
      }
    }
    double kappa = FleissKappa.compute(categories, convention.classCount());
    return new AgreementReport.Kappa(Double.isNaN(kappa) ? null : kappa, stack.activeCount(),
        convention.classCount(), KAPPA_SCOPE);
  }

  private static List<Structure> structures(LabelConvention convention) {
    List<Structure> structures = new ArrayList<>();
    for (int label : convention.foregroundLabels()) {
      boolean[] members = new boolean[256];
      members[label] = true;
      structures.add(new Structure("label " + label, "label", members));
    }
    if (convention.isBrats()) {
      for (Region region : Region.values()) {
        structures.add(new Structure(region.name(), "region", region.members(convention)));
      }
    }
    return structures;
  }

  private static int[] toFlat(BitMask mask, int[] voxelIndices) {
    int[] active = mask.toIndices();
    int[] flat = new int[active.length];
    for (int n = 0; n < active.length; n++) {
      flat[n] = voxelIndices[active[n]];
    }
    return flat;
  }
}
