package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.nativespace.NativeSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Maps each consensus back onto the case's native T1c grid, into {@code <case>/native/}. */
final class NativeSpaceStep {
  private NativeSpaceStep() {}

  static void run(CaseRun run, CaseFusion.Outputs fusion) {
    run.progress.stepStarted(run.caseId, "native");
    for (Map.Entry<FusionMethod, LabelVolume> entry : fusion.consensusByMethod().entrySet()) {
      String method = entry.getKey().cliName();
      long start = System.nanoTime();
      try {
        LabelVolume nativeLabels = NativeSpace.toNative(run.layout.preprocessed(), entry.getValue(), Sequence.T1C,
            run.options.threads());
        Path target = run.layout.nativeConsensus(entry.getKey());
        Files.createDirectories(target.getParent());
        Nifti.writeLabels(target, nativeLabels);
        run.record("native", method, new StepRecord(StepRecord.OK, CaseRun.seconds(start), "cpu", ""));
      } catch (IOException | RuntimeException e) {
        run.fail("native", method, start, e);
      }
    }
  }
}
