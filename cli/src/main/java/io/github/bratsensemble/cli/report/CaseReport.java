package io.github.bratsensemble.cli.report;

import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML case report shows, as plain values. Images are on one grid (normally BraTS
 * space); tables carry numbers already computed by the fusionator, segmentor and evaluator.
 *
 * @param caseId the case name, shown as the title
 * @param convention the label convention of every segmentation, which selects the overlay colours
 * @param sequences the MR sequences, in display order; the last one named FLAIR-like (or else the
 *     first) is the background of the overlays
 * @param segmentations each algorithm's segmentation, in display order
 * @param consensus the consensus segmentation, or {@code null} when fusion did not run
 * @param consensusName the fusion method that produced the consensus, such as {@code simple}
 * @param voteEntropy the per-voxel normalised vote entropy (0 to 1), or {@code null}
 * @param pairwiseDice the Dice of every pair of algorithms per region
 * @param algorithms one row per algorithm: Dice against the consensus, volumes, STAPLE estimates
 * @param consensusVolumesMl the consensus volume per region in mL, empty when there is no consensus
 * @param truthMetrics metrics against the ground truth by segmentation name (algorithms and the
 *     consensus), empty when the case has no ground truth
 * @param timings one row per step or algorithm run
 * @param toolVersion the brats-ensemble version
 * @param command the exact command line that produced the report
 * @param created when the report was written
 */
public record CaseReport(
    String caseId,
    LabelConvention convention,
    List<NamedImage> sequences,
    List<NamedSegmentation> segmentations,
    LabelVolume consensus,
    String consensusName,
    FloatVolume voteEntropy,
    List<PairwiseDice> pairwiseDice,
    List<AlgorithmRow> algorithms,
    Map<Region, Double> consensusVolumesMl,
    Map<String, Map<Region, RegionMetrics>> truthMetrics,
    List<Timing> timings,
    String toolVersion,
    String command,
    Instant created) {

  public CaseReport {
    sequences = List.copyOf(sequences);
    segmentations = List.copyOf(segmentations);
    pairwiseDice = List.copyOf(pairwiseDice);
    algorithms = List.copyOf(algorithms);
    consensusVolumesMl = Map.copyOf(consensusVolumesMl);
    truthMetrics = Map.copyOf(truthMetrics);
    timings = List.copyOf(timings);
  }

  /** An intensity image with its display name, such as {@code t1c}. */
  public record NamedImage(String name, FloatVolume image) {}

  /** A label map with the name of the algorithm that produced it. */
  public record NamedSegmentation(String name, LabelVolume labels) {}

  /**
   * The Dice of every pair of algorithms for one region.
   *
   * @param names the algorithms, in row and column order
   * @param dice the symmetric matrix, {@code dice[i][j]} between {@code names[i]} and {@code names[j]}
   */
  public record PairwiseDice(Region region, List<String> names, double[][] dice) {
    public PairwiseDice {
      names = List.copyOf(names);
    }
  }

  /**
   * One algorithm's agreement with the consensus.
   *
   * @param diceVsConsensus Dice against the consensus per region
   * @param volumesMl the algorithm's volume per region in mL
   * @param stapleSensitivity STAPLE's estimated sensitivity per region, empty when STAPLE did not run
   * @param stapleSpecificity STAPLE's estimated specificity per region, empty when STAPLE did not run
   */
  public record AlgorithmRow(
      String name,
      Map<Region, Double> diceVsConsensus,
      Map<Region, Double> volumesMl,
      Map<Region, Double> stapleSensitivity,
      Map<Region, Double> stapleSpecificity) {
    public AlgorithmRow {
      diceVsConsensus = Map.copyOf(diceVsConsensus);
      volumesMl = Map.copyOf(volumesMl);
      stapleSensitivity = Map.copyOf(stapleSensitivity);
      stapleSpecificity = Map.copyOf(stapleSpecificity);
    }
  }

  /**
   * One timed step of the run.
   *
   * @param step the step, such as {@code preprocess}, {@code segment} or {@code fuse}
   * @param subject the algorithm or method the step ran, or an empty string
   * @param device where it ran, such as {@code cpu} or {@code cuda:0}, or an empty string
   * @param status {@code ok}, {@code failed}, {@code skipped} or {@code reused}
   * @param duration the wall time
   * @param detail the error or skip reason, or an empty string
   */
  public record Timing(String step, String subject, String device, String status, Duration duration, String detail) {}
}
