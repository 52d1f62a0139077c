package io.github.bratsensemble.cli;

import io.github.bratsensemble.fusionator.evaluation.LesionWiseScores;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation of one prediction against one ground truth, flattened to one CSV row or JSON object
 * per region. Used by {@code evaluate} and {@code run}.
 *
 * @param caseId the case the files belong to
 * @param truth the ground-truth file, as given
 * @param prediction the predicted file, as given
 * @param metrics the metrics per region
 */
public record EvaluationRows(String caseId, String truth, String prediction, Map<Region, RegionMetrics> metrics) {

  /** The CSV header matching {@link #csvLines()}. */
  public static final String CSV_HEADER = "case,prediction,region,dice,hd95_mm,surface_dice_1mm,sensitivity,"
      + "specificity,truth_volume_ml,prediction_volume_ml,volume_difference_ml,lesion_dice,lesion_hd95_mm,"
      + "lesion_true_positives,lesion_false_negatives,lesion_false_positives";

  /** Returns one CSV line per region (WT, TC, ET), without line terminators. */
  public List<String> csvLines() {
    List<String> lines = new ArrayList<>();
    for (Region region : Region.values()) {
      RegionMetrics m = metrics.get(region);
      LesionWiseScores l = m.lesionWise();
      lines.add(String.join(",", csv(caseId), csv(prediction), region.name(), number(m.dice()),
          number(m.hd95Mm()), number(m.surfaceDice()), number(m.sensitivity()), number(m.specificity()),
          number(m.truthVolumeMl()), number(m.predictionVolumeMl()), number(m.volumeDifferenceMl()),
          number(l.dice()), number(l.hd95Mm()), Integer.toString(l.truePositives()),
          Integer.toString(l.falseNegatives()), Integer.toString(l.falsePositives())));
    }
    return lines;
  }

  /** Returns a JSON-ready map: case, files and one object of metrics per region. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("case", caseId);
    json.put("truth", truth);
    json.put("prediction", prediction);
    Map<String, Object> regions = new LinkedHashMap<>();
    for (Region region : Region.values()) {
      regions.put(region.name(), regionJson(metrics.get(region)));
    }
    json.put("regions", regions);
    return json;
  }

  /** Returns the metrics of one region as a JSON-ready map. */
  public static Map<String, Object> regionJson(RegionMetrics m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dice", m.dice());
    json.put("hd95Mm", m.hd95Mm());
    json.put("surfaceDice1mm", m.surfaceDice());
    json.put("sensitivity", m.sensitivity());
    json.put("specificity", m.specificity());
    json.put("truthVolumeMl", roundVolumeMl(m.truthVolumeMl()));
    json.put("predictionVolumeMl", roundVolumeMl(m.predictionVolumeMl()));
    json.put("volumeDifferenceMl", roundVolumeMl(m.volumeDifferenceMl()));
    LesionWiseScores l = m.lesionWise();
    Map<String, Object> lesionWise = new LinkedHashMap<>();
    lesionWise.put("dice", l.dice());
    lesionWise.put("hd95Mm", l.hd95Mm());
    lesionWise.put("truePositives", l.truePositives());
    lesionWise.put("falseNegatives", l.falseNegatives());
    lesionWise.put("falsePositives", l.falsePositives());
    json.put("lesionWise", lesionWise);
    return json;
  }

  /** Rounds a volume to 1e-6 mL, the precision the CSV shows, so JSON and CSV agree. */
  static double roundVolumeMl(double volumeMl) {
    return Math.round(volumeMl * 1e6) / 1e6;
  }

  /** Formats a metric with up to 6 decimals and no trailing zeros, as {@code 0.958678} or {@code 373.13}. */
  static String number(double value) {
    String text = String.format(Locale.ROOT, "%.6f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** Quotes a CSV field when it contains a comma, quote or line break (RFC 4180). */
  static String csv(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
