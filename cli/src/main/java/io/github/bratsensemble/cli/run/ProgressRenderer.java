package io.github.bratsensemble.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ProgressState.Snapshot} into the lines of the live display: a header with the
 * case counts, then one line per running case with its step and where its algorithms run, for
 * example
 *
 * <pre>
 * cases: 1/3 done, 0 failed, 1 running, 1 waiting
 *   TCGA-FG-6692  segment: hd-glio on gpu:0, region-growing on cpu
 * </pre>
 *
 * Lines longer than the terminal width are cut and end in {@code ...}.
 */
final class ProgressRenderer {
  private ProgressRenderer() {}

  static List<String> render(ProgressState.Snapshot snapshot, int width) {
    List<String> lines = new ArrayList<>();
    int finished = snapshot.succeeded() + snapshot.failed();
    lines.add(fit("cases: " + finished + "/" + snapshot.total() + " done, " + snapshot.failed() + " failed, "
        + snapshot.active().size() + " running, " + snapshot.waiting() + " waiting", width));
    int idWidth = snapshot.active().stream().mapToInt(c -> c.caseId().length()).max().orElse(0);
    for (ProgressState.ActiveCase active : snapshot.active()) {
      StringBuilder line = new StringBuilder("  ").append(active.caseId())
          .append(" ".repeat(idWidth - active.caseId().length() + 2)).append(active.step());
      String separator = ": ";
      for (Map.Entry<String, String> algorithm : active.algorithms().entrySet()) {
        line.append(separator).append(algorithm.getKey()).append(" on ").append(algorithm.getValue());
        separator = ", ";
      }
      lines.add(fit(line.toString(), width));
    }
    return lines;
  }

  private static String fit(String line, int width) {
    if (width < 4 || line.length() <= width) {
      return line;
    }
    return line.substring(0, width - 3) + "...";
  }
}
