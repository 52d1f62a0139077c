package io.github.bratsensemble.cli.run;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one plain line per event of a run, prefixed with the case, to the error stream so that
 * standard output carries only results. Silent with {@code --quiet}. Thread-safe.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean quiet;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  /** Prints {@code text} for {@code caseId}, or a run-wide line when {@code caseId} is null. */
  synchronized void line(String caseId, String text) {
    if (quiet) {
      return;
    }
    err.println(caseId == null ? text : "[" + caseId + "] " + text);
    err.flush();
  }

  /** Prints a finished step: {@code step: status on device (12.3 s): detail}. */
  void step(String caseId, String step, StepRecord record) {
    StringBuilder text = new StringBuilder(step).append(": ").append(record.status());
    if (!record.device().isEmpty()) {
      text.append(" on ").append(record.device());
    }
    text.append(String.format(Locale.ROOT, " (%.1f s)", record.seconds()));
    if (!record.detail().isEmpty()) {
      text.append(": ").append(record.detail());
    }
    line(caseId, text.toString());
  }
}
