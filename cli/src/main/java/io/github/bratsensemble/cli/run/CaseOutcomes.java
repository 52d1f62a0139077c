package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.run.CaseOutcome.AlgorithmOutcome;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.SegmentationRun;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds a case's {@link CaseOutcome}: one row per algorithm, the consensus volumes and truth Dice. */
final class CaseOutcomes {
  private CaseOutcomes() {}

  static List<AlgorithmOutcome> algorithmRows(CaseRun run, Map<String, SegmentationRun> runs,
      Map<String, LabelVolume> segmentations, CaseFusion.Outputs fusion,
      Map<String, Map<Region, RegionMetrics>> truthMetrics) {
    List<AlgorithmOutcome> rows = new ArrayList<>();
    for (Map.Entry<String, SegmentationRun> entry : runs.entrySet()) {
      String id = entry.getKey();
      SegmentationRun algorithmRun = entry.getValue();
      StepRecord record = run.manifest.step("segment/" + id);
      String status = algorithmRun == null ? StepRecord.REUSED : algorithmRun.status().label();
      Map<Region, Double> volumes = segmentations.containsKey(id)
          ? CaseFusion.volumesMl(segmentations.get(id)) : Map.of();
      Map<Region, Double> dice = fusion != null && segmentations.containsKey(id)
          ? fusion.diceVsConsensus(segmentations.get(id)) : Map.of();
      Map<Region, Double> truthDice = truthMetrics.containsKey(id) ? diceOf(truthMetrics.get(id)) : Map.of();
      rows.add(new AlgorithmOutcome(id, status, record == null ? 0 : record.seconds(),
          record == null ? "" : record.device(), record == null ? "" : record.detail(), volumes, dice, truthDice));
    }
    return rows;
  }

  static Map<Region, Double> consensusTruthDice(CaseRun run, Map<String, Map<Region, RegionMetrics>> truthMetrics) {
    Map<Region, RegionMetrics> m = truthMetrics.get("consensus:" + run.options.fusionMethods().get(0).cliName());
    return m == null ? Map.of() : diceOf(m);
  }

  /** Returns the outcome: {@code failed} with the first error when any step or algorithm failed. */
  static CaseOutcome finish(CaseRun run, List<AlgorithmOutcome> rows, CaseFusion.Outputs fusion,
      Map<String, Map<Region, RegionMetrics>> truthMetrics, Map<Region, Double> consensusTruthDice) {
    String status = run.errors.isEmpty() ? StepRecord.OK : StepRecord.FAILED;
    String error = run.errors.isEmpty() ? "" : run.errors.get(0);
    Map<Region, Double> consensusVolumes = fusion == null ? Map.of() : CaseFusion.volumesMl(fusion.consensus());
    run.progress.line(run.caseId, "finished: " + status + (error.isEmpty() ? "" : " (" + error + ")"));
    run.progress.caseFinished(run.caseId, run.errors.isEmpty());
    return new CaseOutcome(run.caseId, status, error, run.options.fusionMethods().get(0).cliName(),
        !truthMetrics.isEmpty(), rows, consensusVolumes, consensusTruthDice);
  }

  static Map<Region, Double> diceOf(Map<Region, RegionMetrics> metrics) {
    Map<Region, Double> dice = new EnumMap<>(Region.class);
    metrics.forEach((region, m) -> dice.put(region, m.dice()));
    return dice;
  }
}
