package io.github.bratsensemble.fusionator.agreement;

import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import java.util.List;

/**
 * Agreement statistics of one fusion, ready to serialise as JSON.
 *
 * @param method the fusion method
 * @param convention the output label convention
 * @param voxelVolumeMl the volume of one voxel in millilitres
 * @param consensus statistics of the consensus per label and region (Dice and Jaccard absent)
 * @param inputs per input, statistics against the consensus
 * @param pairwiseDice per region (per label for custom conventions), Dice between every pair of inputs
 * @param fleissKappa agreement of the inputs beyond chance
 * @param diagnostics per-structure diagnostics of the method (SIMPLE scores, STAPLE p/q or
 *     confusion matrices)
 * @param warnings warnings raised during fusion
 */
public record AgreementReport(
    String method,
    String convention,
    double voxelVolumeMl,
    List<StructureStatistics> consensus,
    List<InputAgreement> inputs,
    List<PairwiseDice> pairwiseDice,
    Kappa fleissKappa,
    List<StructureDiagnostics> diagnostics,
    List<String> warnings) {

  /**
   * One structure (label or region) of one label map.
   *
   * @param kind {@code label} or {@code region}
   * @param voxels voxels in the structure
   * @param volumeMl voxels times the voxel volume, rounded to 1e-6 mL (0.001 mm³) so that JSON
   *     and CSV show the same value
   * @param lesions 26-connected components, or null where not computed
   * @param dice Dice with the consensus (1 when both are empty), null for the consensus itself
   * @param jaccard Jaccard index with the consensus (1 when both are empty), null for the consensus
   * @param bothEmpty whether the structure is empty in both this map and the consensus
   */
  public record StructureStatistics(
      String structure, String kind, long voxels, double volumeMl, Integer lesions, Double dice, Double jaccard,
      boolean bothEmpty) {
    public StructureStatistics {
      volumeMl = Math.round(volumeMl * 1e6) / 1e6;
    }
  }

  /**
   * One input's statistics.
   *
   * @param allBackground whether the input has no non-background voxel
   * @param emptyStructures the labels and regions absent from the input
   */
  public record InputAgreement(
      String name, double weight, boolean allBackground, List<String> emptyStructures,
      List<StructureStatistics> structures) {}

  /**
   * Dice between every pair of inputs for one structure; both-empty pairs count as 1.
   *
   * @param inputs input names, the row and column order of {@code dice}
   * @param bothEmptyPairs unordered pairs of distinct inputs where both are empty
   */
  public record PairwiseDice(String structure, List<String> inputs, double[][] dice, int bothEmptyPairs) {}

  /**
   * Fleiss' kappa.
   *
   * @param value kappa, null when undefined (fewer than 2 inputs, no voxel in scope, or all ratings
   *     in one class)
   * @param voxels voxels in scope
   * @param scope which voxels were rated
   */
  public record Kappa(Double value, long voxels, int categories, String scope) {}
}
