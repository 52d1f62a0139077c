package io.github.bratsensemble.cli.report;

import io.github.bratsensemble.cli.report.CaseReport.AlgorithmRow;
import io.github.bratsensemble.cli.report.CaseReport.NamedImage;
import io.github.bratsensemble.cli.report.CaseReport.NamedSegmentation;
import io.github.bratsensemble.cli.report.CaseReport.PairwiseDice;
import io.github.bratsensemble.cli.report.CaseReport.Timing;
import io.github.bratsensemble.cli.report.SliceRenderer.Plane;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link CaseReport} as one self-contained HTML file: the slice images are PNGs embedded
 * as base64 data URIs, the style sheet is inline, and the page loads nothing else. Stateless and
 * thread-safe.
 */
public final class HtmlCaseReport {
  /** The report's file name inside the case's report folder. */
  public static final String FILE_NAME = "index.html";
  private static final String MISSING = "–";

  private HtmlCaseReport() {}

  /** Writes {@code report} to {@code reportDir/index.html}, creating the folder and replacing the file atomically. */
  public static Path write(Path reportDir, CaseReport report) throws IOException {
    Files.createDirectories(reportDir);
    Path file = reportDir.resolve(FILE_NAME);
    AtomicFiles.writeString(file, render(report));
    return file;
  }

  /**
   * Returns the HTML of {@code report}.
   *
   * @throws IllegalArgumentException when the images are not all on the same grid
   */
  public static String render(CaseReport report) {
    Grid grid = commonGrid(report);
    StringBuilder html = new StringBuilder(1 << 20);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>brats-ensemble report: ")
        .append(escape(report.caseId())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(report.caseId())).append("</h1>\n");
    html.append("<p class=\"meta\">brats-ensemble ").append(escape(report.toolVersion())).append(", written ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(report.created().atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC. Labels: ").append(escape(report.convention().name())).append(' ')
        .append(legend(report.convention())).append("</p>\n");

    if (grid != null) {
      appendImages(html, report, grid);
    }
    appendAgreement(html, report);
    appendTruth(html, report);
    appendTimings(html, report);
    html.append("<h2>Command</h2>\n<pre id=\"command\">").append(escape(report.command())).append("</pre>\n");
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static Grid commonGrid(CaseReport report) {
    List<Grid> grids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (NamedImage image : report.sequences()) {
      grids.add(image.image().grid());
      names.add("sequence " + image.name());
    }
    for (NamedSegmentation segmentation : report.segmentations()) {
      grids.add(segmentation.labels().grid());
      names.add("segmentation " + segmentation.name());
    }
    if (report.consensus() != null) {
      grids.add(report.consensus().grid());
      names.add("consensus");
    }
    if (report.voteEntropy() != null) {
      grids.add(report.voteEntropy().grid());
      names.add("vote entropy");
    }
    if (grids.isEmpty()) {
      return null;
    }
    for (int i = 1; i < grids.size(); i++) {
      String difference = grids.get(0).describeDifference(grids.get(i), Grid.DEFAULT_TOLERANCE_MM);
      if (!difference.isEmpty()) {
        throw new IllegalArgumentException("report images must share one grid, but " + names.get(0) + " and "
            + names.get(i) + " differ: " + difference);
      }
    }
    return grids.get(0);
  }

  // ---- images ----

  private static void appendImages(StringBuilder html, CaseReport report, Grid grid) {
    String las = "LAS";
    LabelVolume consensus = report.consensus() == null ? null : report.consensus().reorient(las);
    List<NamedSegmentation> segmentations = new ArrayList<>();
    for (NamedSegmentation s : report.segmentations()) {
      segmentations.add(new NamedSegmentation(s.name(), s.labels().reorient(las)));
    }
    List<NamedImage> sequences = new ArrayList<>();
    for (NamedImage image : report.sequences()) {
      sequences.add(new NamedImage(image.name(), image.image().reorient(las)));
    }
    Grid lasGrid = consensus != null ? consensus.grid()
        : !segmentations.isEmpty() ? segmentations.get(0).labels().grid()
        : !sequences.isEmpty() ? sequences.get(0).image().grid()
        : report.voteEntropy().reorient(las).grid();
    int[] centre = TumourCentre.of(lasGrid.dimensions(), consensus, segmentations);
    SliceView view = new SliceView(lasGrid.dimensions(), lasGrid.spacingMm(), centre);
    html.append("<p class=\"meta\">Slices through voxel (").append(centre[0]).append(", ").append(centre[1])
        .append(", ").append(centre[2]).append(") of the LAS-reoriented grid, the centre of mass of the ")
        .append(consensus != null ? "consensus" : "segmentations")
        .append(" tumour. Radiological convention: the patient's right is on the image's left.</p>\n");

    if (!sequences.isEmpty()) {
      html.append("<h2>Sequences</h2>\n<table class=\"images\" id=\"sequences\">\n");
      for (NamedImage image : sequences) {
        float[] window = SliceRenderer.window(image.image());
        imageRow(html, image.name(), view, image.image(), window, null, null);
      }
      html.append("</table>\n");
    }

    FloatVolume background = sequences.isEmpty() ? null : backgroundOf(sequences).image();
    float[] window = background == null ? null : SliceRenderer.window(background);
    int[] palette = palette(report.convention());
    html.append("<h2>Segmentations</h2>\n");
    if (background != null) {
      html.append("<p class=\"meta\">Over ").append(escape(backgroundOf(sequences).name())).append(".</p>\n");
    }
    html.append("<table class=\"images\" id=\"segmentations\">\n");
    for (NamedSegmentation s : segmentations) {
      imageRow(html, s.name(), view, background, window, s.labels(), palette);
    }
    if (consensus != null) {
      imageRow(html, "consensus (" + report.consensusName() + ")", view, background, window, consensus, palette);
    }
    html.append("</table>\n");

    if (report.voteEntropy() != null) {
      FloatVolume entropy = report.voteEntropy().reorient(las);
      double max = Math.max(1e-9, entropy.range()[1]);
      html.append("<h2>Vote entropy</h2>\n<p class=\"meta\">Axial slice of the normalised vote entropy (0 where the"
          + " algorithms agree, 1 for an even split over every class); yellow is ")
          .append(String.format(Locale.ROOT, "%.3f", max)).append(", the highest value in the case.</p>\n")
          .append("<img class=\"slice\" id=\"entropy\" alt=\"vote entropy, axial\" src=\"")
          .append(SliceRenderer.dataUri(SliceRenderer.renderHeat(view, Plane.AXIAL, entropy, max)))
          .append("\">\n");
    }
  }

  private static NamedImage backgroundOf(List<NamedImage> sequences) {
    NamedImage chosen = sequences.get(0);
    for (NamedImage image : sequences) {
      String name = image.name().toLowerCase(Locale.ROOT);
      if (name.contains("flair") || name.equals("fla") || name.equals("t2f")) {
        chosen = image;
      }
    }
    return chosen;
  }

  private static void imageRow(StringBuilder html, String name, SliceView view, FloatVolume background,
      float[] window, LabelVolume labels, int[] palette) {
    html.append("<tr><th>").append(escape(name)).append("</th>");
    for (Plane plane : Plane.values()) {
      String alt = name + ", " + plane.name().toLowerCase(Locale.ROOT);
      html.append("<td><img class=\"slice\" alt=\"").append(escape(alt)).append("\" src=\"")
          .append(SliceRenderer.dataUri(SliceRenderer.render(view, plane, background, window, labels, palette)))
          .append("\"></td>");
    }
    html.append("</tr>\n");
  }

  /** Colours by label: NCR red, ED green, ET yellow; custom labels cycle through a fixed list. */
  static int[] palette(LabelConvention convention) {
    int[] palette = new int[256];
    if (convention.isBrats()) {
      palette[convention.ncr()] = 0xE41A1C;
      palette[convention.ed()] = 0x4DAF4A;
      palette[convention.et()] = 0xFFD700;
      return palette;
    }
    int[] cycle = {0xE41A1C, 0x4DAF4A, 0xFFD700, 0x377EB8, 0x984EA3, 0xFF7F00};
    int[] labels = convention.foregroundLabels();
    for (int i = 0; i < labels.length; i++) {
      palette[labels[i]] = cycle[i % cycle.length];
    }
    return palette;
  }

  private static String legend(LabelConvention convention) {
    if (!convention.isBrats()) {
      return "";
    }
    int[] palette = palette(convention);
    StringBuilder legend = new StringBuilder();
    legend.append(swatch(palette[convention.ncr()], convention.ncr() + " NCR"));
    legend.append(swatch(palette[convention.ed()], convention.ed() + " ED"));
    legend.append(swatch(palette[convention.et()], convention.et() + " ET"));
    return legend.toString();
  }

  private static String swatch(int colour, String text) {
    return String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:#%06X\"></span>%s ", colour, text);
  }

  // ---- tables ----

  private static void appendAgreement(StringBuilder html, CaseReport report) {
    if (report.algorithms().isEmpty() && report.pairwiseDice().isEmpty()) {
      return;
    }
    html.append("<h2>Agreement</h2>\n");
    if (report.consensus() != null) {
      html.append("<h3>Dice against the consensus (").append(escape(report.consensusName())).append(")</h3>\n");
      html.append("<table id=\"dice-vs-consensus\">\n");
      regionHeader(html, "algorithm");
      for (AlgorithmRow row : report.algorithms()) {
        regionRow(html, row.name(), row.diceVsConsensus(), "%.4f");
      }
      html.append("</table>\n");
    }

    html.append("<h3>Volumes (mL)</h3>\n<table id=\"volumes\">\n");
    regionHeader(html, "segmentation");
    for (AlgorithmRow row : report.algorithms()) {
      regionRow(html, row.name(), row.volumesMl(), "%.2f");
    }
    if (!report.consensusVolumesMl().isEmpty()) {
      regionRow(html, "consensus", report.consensusVolumesMl(), "%.2f");
    }
    html.append("</table>\n");

    for (PairwiseDice pairwise : report.pairwiseDice()) {
      String region = pairwise.region().name();
      html.append("<h3>Pairwise Dice, ").append(region).append("</h3>\n<table id=\"pairwise-")
          .append(region).append("\">\n<tr><th></th>");
      for (String name : pairwise.names()) {
        html.append("<th>").append(escape(name)).append("</th>");
      }
      html.append("</tr>\n");
      for (int i = 0; i < pairwise.names().size(); i++) {
        html.append("<tr><th>").append(escape(pairwise.names().get(i))).append("</th>");
        for (int j = 0; j < pairwise.names().size(); j++) {
          html.append("<td>").append(format("%.4f", pairwise.dice()[i][j])).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }

    boolean staple = report.algorithms().stream().anyMatch(row -> !row.stapleSensitivity().isEmpty());
    if (staple) {
      html.append("<h3>STAPLE estimates</h3>\n<table id=\"staple\">\n<tr><th>algorithm</th>");
      for (Region region : Region.values()) {
        html.append("<th>").append(region).append(" sensitivity</th><th>").append(region).append(" specificity</th>");
      }
      html.append("</tr>\n");
      for (AlgorithmRow row : report.algorithms()) {
        html.append("<tr><th>").append(escape(row.name())).append("</th>");
        for (Region region : Region.values()) {
          html.append("<td>").append(format("%.4f", row.stapleSensitivity().get(region))).append("</td><td>")
              .append(format("%.6f", row.stapleSpecificity().get(region))).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
  }

  private static void appendTruth(StringBuilder html, CaseReport report) {
    if (report.truthMetrics().isEmpty()) {
      return;
    }
    html.append("<h2>Against the ground truth</h2>\n<table id=\"truth\">\n<tr><th>segmentation</th>");
    for (Region region : Region.values()) {
      html.append("<th>").append(region).append(" Dice</th><th>").append(region).append(" HD95 mm</th>");
    }
    html.append("</tr>\n");
    List<String> names = new ArrayList<>(report.truthMetrics().keySet());
    names.sort(null);
    for (String name : names) {
      Map<Region, RegionMetrics> metrics = report.truthMetrics().get(name);
      html.append("<tr><th>").append(escape(name)).append("</th>");
      for (Region region : Region.values()) {
        RegionMetrics m = metrics.get(region);
        html.append("<td>").append(m == null ? MISSING : format("%.4f", m.dice())).append("</td><td>")
            .append(m == null ? MISSING : format("%.2f", m.hd95Mm())).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void appendTimings(StringBuilder html, CaseReport report) {
    if (report.timings().isEmpty()) {
      return;
    }
    html.append("<h2>Run</h2>\n<table id=\"timings\">\n<tr><th>step</th><th>algorithm or method</th><th>device</th>"
        + "<th>status</th><th>seconds</th><th>detail</th></tr>\n");
    for (Timing timing : report.timings()) {
      html.append("<tr><td>").append(escape(timing.step())).append("</td><td>").append(escape(timing.subject()))
          .append("</td><td>").append(escape(timing.device())).append("</td><td class=\"status-")
          .append(escape(timing.status())).append("\">").append(escape(timing.status())).append("</td><td>")
          .append(format("%.1f", timing.duration().toMillis() / 1000.0)).append("</td><td>")
          .append(escape(timing.detail())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void regionHeader(StringBuilder html, String first) {
    html.append("<tr><th>").append(first).append("</th>");
    for (Region region : Region.values()) {
      html.append("<th>").append(region).append("</th>");
    }
    html.append("</tr>\n");
  }

  private static void regionRow(StringBuilder html, String name, Map<Region, Double> values, String pattern) {
    html.append("<tr><th>").append(escape(name)).append("</th>");
    for (Region region : Region.values()) {
      html.append("<td>").append(format(pattern, values.get(region))).append("</td>");
    }
    html.append("</tr>\n");
  }

  private static String format(String pattern, Double value) {
    return value == null || value.isNaN() ? MISSING : String.format(Locale.ROOT, pattern, value);
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 24px; color: #1a1a1a; background: #ffffff; }
      h1 { margin-bottom: 4px; }
      .meta { color: #555555; }
      table { border-collapse: collapse; margin: 8px 0 20px 0; }
      th, td { border: 1px solid #cccccc; padding: 4px 8px; text-align: right; }
      th { background: #f0f0f0; text-align: left; }
      table.images td, table.images th { border: none; padding: 2px; vertical-align: middle; }
      img.slice { display: block; image-rendering: pixelated; }
      .swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 8px; vertical-align: middle; }
      .status-failed { color: #b00020; font-weight: bold; }
      .status-skipped { color: #8a6d00; }
      pre { background: #f6f6f6; padding: 8px; white-space: pre-wrap; word-break: break-all; }
      """;
}
