package io.github.bratsensemble.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.cli.run.CaseOutcome.AlgorithmOutcome;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-wide results: {@code summary.csv} with one row per case and algorithm, and {@code
 * summary.json} with the same rows, the case list and the per-algorithm ranking.
 */
final class SummaryFiles {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String CSV_HEADER = "case,algorithm,status,seconds,device,reason,volume_wt_ml,volume_tc_ml,volume_et_ml,"
      + "dice_wt,dice_tc,dice_et,truth_dice_wt,truth_dice_tc,truth_dice_et";

  private SummaryFiles() {}

  /**
   * One algorithm's standing across cases. The score of a case is the mean Dice over WT, TC and ET.
   *
   * @param cases cases where the algorithm produced a segmentation
   * @param meanDiceVsConsensus mean score against each case's consensus
   * @param medianDiceVsConsensus median of the same
   * @param truthCases cases with a ground truth where the algorithm produced a segmentation
   * @param meanDiceVsTruth mean score against the ground truth, or null without truth
   * @param medianDiceVsTruth median of the same, or null
   */
  record Ranking(String algorithm, int cases, Double meanDiceVsConsensus, Double medianDiceVsConsensus,
      int truthCases, Double meanDiceVsTruth, Double medianDiceVsTruth) {}

  /** Writes both files into {@code outputDir}, each atomically; returns the JSON text. */
  static String write(Path outputDir, RunOptions options, List<CaseOutcome> outcomes, List<CaseFolders.Skipped> skipped)
      throws IOException {
    Files.createDirectories(outputDir);
    AtomicFiles.writeString(outputDir.resolve("summary.csv"), csv(outcomes));
    String json = JSON.writeValueAsString(json(options, outcomes, skipped)) + "\n";
    AtomicFiles.writeString(outputDir.resolve("summary.json"), json);
    return json;
  }

  static String csv(List<CaseOutcome> outcomes) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (CaseOutcome outcome : outcomes) {
      for (AlgorithmOutcome a : outcome.algorithms()) {
        csv.append(String.join(",", field(outcome.caseId()), field(a.algorithm()), a.status(),
            String.format(Locale.ROOT, "%.1f", a.seconds()), a.device(), field(a.reason()),
            regions(a.volumesMl(), "%.3f"), regions(a.diceVsConsensus(), "%.4f"), regions(a.diceVsTruth(), "%.4f")))
            .append('\n');
      }
      // The consensus volumes exist only when its fusion succeeded; the case's own status may be
      // failed for an unrelated reason (an algorithm), which belongs on that algorithm's row.
      if (!outcome.consensusVolumesMl().isEmpty()) {
        csv.append(String.join(",", field(outcome.caseId()), "consensus:" + outcome.consensusMethod(), StepRecord.OK,
            "", "", "", regions(outcome.consensusVolumesMl(), "%.3f"), ",,",
            regions(outcome.consensusDiceVsTruth(), "%.4f"))).append('\n');
      }
    }
    return csv.toString();
  }

  private static Map<String, Object> json(RunOptions options, List<CaseOutcome> outcomes,
      List<CaseFolders.Skipped> skipped) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("toolVersion", options.toolVersion());
    json.put("command", options.command());
    json.put("ok", outcomes.stream().allMatch(CaseOutcome::ok));
    List<Object> skippedInputs = new ArrayList<>();
    for (CaseFolders.Skipped s : skipped) {
      skippedInputs.add(Map.of("folder", s.folder().toString(), "reason", s.reason()));
    }
    json.put("skippedInputs", skippedInputs);
    json.put("cases", outcomes);
    json.put("ranking", ranking(outcomes));
    return json;
  }

  /** Ranks algorithms by mean Dice against the truth when every ranked algorithm has one, else against the consensus. */
  static List<Ranking> ranking(List<CaseOutcome> outcomes) {
    Map<String, List<Double>> consensus = new LinkedHashMap<>();
    Map<String, List<Double>> truth = new LinkedHashMap<>();
    for (CaseOutcome outcome : outcomes) {
      for (AlgorithmOutcome a : outcome.algorithms()) {
        if (!a.succeeded()) {
          continue;
        }
        consensus.computeIfAbsent(a.algorithm(), k -> new ArrayList<>());
        truth.computeIfAbsent(a.algorithm(), k -> new ArrayList<>());
        Double score = meanOverRegions(a.diceVsConsensus());
        if (score != null) {
          consensus.get(a.algorithm()).add(score);
        }
        Double truthScore = meanOverRegions(a.diceVsTruth());
        if (truthScore != null) {
          truth.get(a.algorithm()).add(truthScore);
        }
      }
    }
    List<Ranking> ranking = new ArrayList<>();
    for (String algorithm : consensus.keySet()) {
      List<Double> c = consensus.get(algorithm);
      List<Double> t = truth.get(algorithm);
      ranking.add(new Ranking(algorithm, c.size(), mean(c), median(c), t.size(), mean(t), median(t)));
    }
    boolean byTruth = !ranking.isEmpty() && ranking.stream().allMatch(r -> r.meanDiceVsTruth() != null);
    Comparator<Ranking> order = Comparator.comparing(
        r -> byTruth ? r.meanDiceVsTruth() : r.meanDiceVsConsensus() == null ? -1 : r.meanDiceVsConsensus());
    ranking.sort(order.reversed().thenComparing(Ranking::algorithm));
    return ranking;
  }

  private static Double meanOverRegions(Map<Region, Double> values) {
    if (values.size() != Region.values().length) {
      return null;
    }
    double sum = 0;
    for (Region region : Region.values()) {
      sum += values.get(region);
    }
    return sum / Region.values().length;
  }

  static Double mean(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String regions(Map<Region, Double> values, String pattern) {
    List<String> fields = new ArrayList<>();
    for (Region region : Region.values()) {
      Double value = values.get(region);
      fields.add(value == null ? "" : String.format(Locale.ROOT, pattern, value));
    }
    return String.join(",", fields);
  }

  private static String field(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }
    return text;
  }
}
