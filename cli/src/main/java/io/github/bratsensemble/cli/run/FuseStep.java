package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** Fuses a case's segmentations with every selected method into {@code <case>/fusion/}. */
final class FuseStep {
  private FuseStep() {}

  /** Returns the fusion outputs, or {@code null} when no method produced a consensus. */
  static CaseFusion.Outputs run(CaseRun run, Map<String, LabelVolume> segmentations) {
    run.progress.stepStarted(run.caseId, "fuse");
    long start = System.nanoTime();
    CaseFusion.Outputs outputs = CaseFusion.run(segmentations, run.options.fusionMethods(), run.layout, (method, record) -> {
      run.timings.add(CaseRun.timing("fuse", method.cliName(), record));
      run.progress.step(run.caseId, "fuse " + method.cliName(), record);
      try {
        run.manifest.record("fuse/" + method.cliName(), record);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (StepRecord.FAILED.equals(record.status())) {
        run.errors.add("fusion " + method.cliName() + " failed: " + record.detail());
      }
    });
    if (outputs.consensus() == null) {
      run.progress.line(run.caseId, String.format(Locale.ROOT, "no consensus (%.1f s)", CaseRun.seconds(start)));
      return null;
    }
    return outputs;
  }
}
