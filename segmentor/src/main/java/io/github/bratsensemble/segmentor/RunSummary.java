package io.github.bratsensemble.segmentor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The outcome of every algorithm of one segmentation run, in the order they were requested. */
public record RunSummary(String caseId, List<SegmentationRun> runs) {

  public RunSummary {
    runs = List.copyOf(runs);
  }

  public long okCount() {
    return runs.stream().filter(SegmentationRun::ok).count();
  }

  /** Returns one line per algorithm: id, status, duration in seconds, device and reason, in aligned columns. */
  public List<String> formatTable() {
    int idWidth = "algorithm".length();
    for (SegmentationRun run : runs) {
      idWidth = Math.max(idWidth, run.algorithmId().length());
    }
    String format = "%-" + idWidth + "s  %-9s  %8s  %-6s  %s";
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, format, "algorithm", "status", "time (s)", "device", "reason").strip());
    for (SegmentationRun run : runs) {
      lines.add(String.format(Locale.ROOT, format, run.algorithmId(), run.status().label(),
          String.format(Locale.ROOT, "%.1f", run.duration().toMillis() / 1000.0),
          run.device() == null ? "-" : run.device().toString(), run.reason()).strip());
    }
    return lines;
  }

  /** Writes the summary as JSON, atomically. */
  public void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("case", caseId);
    ArrayNode list = root.putArray("algorithms");
    for (SegmentationRun run : runs) {
      ObjectNode node = list.addObject();
      node.put("id", run.algorithmId());
      node.put("status", run.status().label());
      node.put("durationSeconds", run.duration().toMillis() / 1000.0);
      node.put("device", run.device() == null ? null : run.device().toString());
      node.put("reason", run.reason());
      node.put("output", run.output() == null ? null : run.output().getFileName().toString());
      node.put("allBackground", run.allBackground());
    }
    AtomicFiles.write(file, out -> mapper.writeValue(out, root));
  }
}
