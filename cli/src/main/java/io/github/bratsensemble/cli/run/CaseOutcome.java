package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.labels.Region;
import java.util.List;
import java.util.Map;

/**
 * What one case produced, for the summary files.
 *
 * @param caseId the case name
 * @param status {@code ok} when every step ran or was legitimately skipped, else {@code failed}
 * @param error the first failure, or an empty string
 * @param consensusMethod the fusion method whose consensus the Dice values compare against
 * @param hasTruth whether the case had a ground-truth segmentation
 * @param algorithms one row per algorithm
 * @param consensusVolumesMl the consensus volume per region, empty when fusion did not run
 * @param consensusDiceVsTruth the consensus Dice against the truth per region, empty without truth
 */
public record CaseOutcome(
    String caseId,
    String status,
    String error,
    String consensusMethod,
    boolean hasTruth,
    List<AlgorithmOutcome> algorithms,
    Map<Region, Double> consensusVolumesMl,
    Map<Region, Double> consensusDiceVsTruth) {

  public CaseOutcome {
    algorithms = List.copyOf(algorithms);
    consensusVolumesMl = Map.copyOf(consensusVolumesMl);
    consensusDiceVsTruth = Map.copyOf(consensusDiceVsTruth);
  }

  public boolean ok() {
    return StepRecord.OK.equals(status);
  }

  /**
   * One algorithm on one case.
   *
   * @param status ok, failed, timed out or skipped (the segmentor's words) or reused
   * @param seconds the algorithm's own wall time
   * @param device where it ran, or an empty string
   * @param reason why it failed or was skipped, or an empty string
   * @param volumesMl volume per region, empty when there is no segmentation
   * @param diceVsConsensus Dice against the consensus per region, empty without consensus
   * @param diceVsTruth Dice against the ground truth per region, empty without truth
   */
  public record AlgorithmOutcome(
      String algorithm,
      String status,
      double seconds,
      String device,
      String reason,
      Map<Region, Double> volumesMl,
      Map<Region, Double> diceVsConsensus,
      Map<Region, Double> diceVsTruth) {

    public AlgorithmOutcome {
      volumesMl = Map.copyOf(volumesMl);
      diceVsConsensus = Map.copyOf(diceVsConsensus);
      diceVsTruth = Map.copyOf(diceVsTruth);
    }

    /** Returns whether the algorithm produced a segmentation (now or in an earlier run). */
    public boolean succeeded() {
      return "ok".equals(status) || StepRecord.REUSED.equals(status);
    }
  }
}
