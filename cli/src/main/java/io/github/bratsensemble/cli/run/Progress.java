package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.segmentor.SegmentationListener;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.schedule.Device;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run's progress on the error stream, so that standard output carries only results.
 * {@link ProgressMode#PLAIN} prints one line per event, prefixed with the case;
 * {@link ProgressMode#LIVE} keeps a compact display of the cases, their current step and the
 * algorithms running on which device, redrawn in place, and prints only notable lines (case
 * start and end, failures, skipped algorithms) above it; {@link ProgressMode#QUIET} prints
 * nothing. Thread-safe.
 */
final class Progress {
  private final PrintWriter err;
  private final ProgressMode mode;
  private final ProgressState state = new ProgressState();
  private final LiveDisplay display;
  private final int width;
  private boolean closed;

  Progress(PrintWriter err, boolean quiet) {
    this(err, quiet ? ProgressMode.QUIET : ProgressMode.PLAIN, 0);
  }

  /**
   * @param width the terminal width in columns for the live display, or 0 for no limit
   */
  Progress(PrintWriter err, ProgressMode mode, int width) {
    this.err = err;
    this.mode = mode;
    this.width = width;
    this.display = mode == ProgressMode.LIVE ? new LiveDisplay(err) : null;
  }

  /** Sets the number of cases of the run. */
  synchronized void casesFound(int count) {
    state.casesFound(count);
    redraw();
  }

  /** Prints {@code text} for {@code caseId}, or a run-wide line when {@code caseId} is null. */
  synchronized void line(String caseId, String text) {
    String line = caseId == null ? text : "[" + caseId + "] " + text;
    switch (mode) {
      case QUIET -> { }
      case PLAIN -> {
        err.println(line);
        err.flush();
      }
      case LIVE -> {
        if (closed) {
          err.println(line);
          err.flush();
        } else {
          display.printAbove(line, ProgressRenderer.render(state.snapshot(), width));
        }
      }
    }
  }

  /**
   * Prints a finished step: {@code step: status on device (12.3 s): detail}. The live display
   * prints only failed steps and skipped algorithms ({@code segment ID}), which need attention.
   */
  void step(String caseId, String step, StepRecord record) {
    if (mode == ProgressMode.LIVE && !needsAttention(step, record)) {
      return;
    }
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

  private static boolean needsAttention(String step, StepRecord record) {
    if (StepRecord.SKIPPED.equals(record.status())) {
      return step.startsWith("segment ");
    }
    return !record.ok();
  }

  synchronized void caseStarted(String caseId) {
    state.caseStarted(caseId);
    redraw();
  }

  /** Shows on the live display that a step of {@code caseId} begins. */
  synchronized void stepStarted(String caseId, String step) {
    state.stepStarted(caseId, step);
    redraw();
  }

  synchronized void caseFinished(String caseId, boolean ok) {
    state.caseFinished(caseId, ok);
    redraw();
  }

  /** Removes the live display at the end of the run; later lines are printed plainly. */
  synchronized void close() {
    if (display != null && !closed) {
      display.clear();
    }
    closed = true;
  }

  /** Returns a listener that shows each algorithm's device while it runs. */
  SegmentationListener segmentationListener() {
    return new SegmentationListener() {
      @Override
      public void started(String caseId, String algorithmId, Device device) {
        algorithmStarted(caseId, algorithmId, device.toString());
      }

      @Override
      public void finished(String caseId, SegmentationRun run) {
        algorithmFinished(caseId, run.algorithmId());
      }
    };
  }

  private synchronized void algorithmStarted(String caseId, String algorithmId, String device) {
    state.algorithmStarted(caseId, algorithmId, device);
    if (mode == ProgressMode.PLAIN) {
      line(caseId, "segment " + algorithmId + ": started on " + device);
    }
    redraw();
  }

  private synchronized void algorithmFinished(String caseId, String algorithmId) {
    state.algorithmFinished(caseId, algorithmId);
    redraw();
  }

  private void redraw() {
    if (display != null && !closed) {
      display.draw(ProgressRenderer.render(state.snapshot(), width));
    }
  }
}
