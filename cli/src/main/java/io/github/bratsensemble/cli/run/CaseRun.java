package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.report.CaseReport.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one case while its steps run: where its outputs go, its manifest, the timings and
 * errors gathered so far, and whether a step ran again so that later steps must not be reused.
 * Used by one thread at a time.
 */
final class CaseRun {
  final String caseId;
  final Path caseFolder;
  final CaseLayout layout;
  final RunManifest manifest;
  final RunOptions options;
  final Progress progress;
  final List<Timing> timings = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  boolean upstreamChanged;
  /**
   * The digest of what preprocessing depends on: the case folder's files and the settings that
   * shape the preprocessed images; every later step depends on it too.
   */
  String preprocessDigest = "";

  CaseRun(String caseId, Path caseFolder, CaseLayout layout, RunManifest manifest, RunOptions options,
      Progress progress) {
    this.caseId = caseId;
    this.caseFolder = caseFolder;
    this.layout = layout;
    this.manifest = manifest;
    this.options = options;
    this.progress = progress;
  }

  /** Records a finished step in the manifest, the timings and the progress output. */
  void record(String step, String subject, StepRecord record) throws IOException {
    String key = subject.isEmpty() ? step : step + "/" + subject;
    manifest.record(key, record);
    timings.add(timing(step, subject, record));
    progress.step(caseId, subject.isEmpty() ? step : step + " " + subject, record);
  }

  /** Records that a step complete in an earlier run is reused. */
  void reuse(String step, String subject) throws IOException {
    String key = subject.isEmpty() ? step : step + "/" + subject;
    StepRecord previous = manifest.step(key);
    StepRecord reused = new StepRecord(StepRecord.REUSED, previous.seconds(), previous.device(), "");
    timings.add(timing(step, subject, reused));
    progress.step(caseId, subject.isEmpty() ? step : step + " " + subject, reused);
  }

  /** Records a failed step and its error; the case's outcome becomes failed. */
  void fail(String step, String subject, long start, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    errors.add(step + (subject.isEmpty() ? "" : " " + subject) + " failed: " + message);
    try {
      record(step, subject, new StepRecord(StepRecord.FAILED, seconds(start), "", message));
    } catch (IOException writeFailure) {
      errors.add("cannot write the run manifest: " + writeFailure.getMessage());
    }
  }

  static Timing timing(String step, String subject, StepRecord record) {
    return new Timing(step, subject, record.device(), record.status(),
        Duration.ofMillis(Math.round(record.seconds() * 1000)), record.detail());
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
