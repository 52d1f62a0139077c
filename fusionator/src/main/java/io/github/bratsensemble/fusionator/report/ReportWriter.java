package io.github.bratsensemble.fusionator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an {@link AgreementReport} as indented JSON and as a CSV table, each atomically (a
 * temporary file in the target folder renamed over the target). Non-finite numbers, such as an
 * undefined STAPLE sensitivity, appear in JSON as the strings {@code "NaN"} or {@code "Infinity"}.
 */
public final class ReportWriter {
  /** The CSV header; one row per label or region of the consensus and of every input. */
  public static final String CSV_HEADER = "map,structure,kind,voxels,volume_ml,lesions,dice,jaccard,both_empty";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /** Returns the report as JSON text. */
  public static String toJson(AgreementReport report) throws IOException {
    return MAPPER.writeValueAsString(report) + "\n";
  }

  /** Returns the report as CSV text; the consensus rows come first, with map name {@code consensus}. */
  public static String toCsv(AgreementReport report) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (AgreementReport.StructureStatistics row : report.consensus()) {
      appendRow(csv, "consensus", row);
    }
    for (AgreementReport.InputAgreement input : report.inputs()) {
      for (AgreementReport.StructureStatistics row : input.structures()) {
        appendRow(csv, input.name(), row);
      }
    }
    return csv.toString();
  }

  /** Writes the JSON report. */
  public static void writeJson(Path path, AgreementReport report) throws IOException {
    writeAtomically(path, toJson(report));
  }

  /** Writes the CSV table. */
  public static void writeCsv(Path path, AgreementReport report) throws IOException {
    writeAtomically(path, toCsv(report));
  }

  /** Returns the CSV path that goes with a JSON report: {@code report.json} becomes {@code report.csv}. */
  public static Path csvPathFor(Path jsonPath) {
    String name = jsonPath.getFileName().toString();
    String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return jsonPath.resolveSibling(base + ".csv");
  }

  private static void appendRow(StringBuilder csv, String map, AgreementReport.StructureStatistics row) {
    csv.append(quote(map)).append(',')
        .append(row.structure()).append(',')
        .append(row.kind()).append(',')
        .append(row.voxels()).append(',')
        .append(format(row.volumeMl())).append(',')
        .append(row.lesions() == null ? "" : row.lesions().toString()).append(',')
        .append(row.dice() == null ? "" : format(row.dice())).append(',')
        .append(row.jaccard() == null ? "" : format(row.jaccard())).append(',')
        .append(row.bothEmpty())
        .append('\n');
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void writeAtomically(Path path, String text) throws IOException {
    AtomicFiles.writeString(path, text);
  }
}
