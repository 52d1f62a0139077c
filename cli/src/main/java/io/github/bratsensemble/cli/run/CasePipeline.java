package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.schedule.DeviceSlots;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs every step of one case: preprocess, segment, fuse, evaluate, map to native space, report.
 * A failing algorithm or step is recorded and the remaining steps run on what exists; the case is
 * {@code failed} when any step or algorithm failed. Steps recorded as complete in the case's {@link
 * RunManifest} are reused, and a case whose every step is complete is not touched at all, unless
 * {@code --force}. Safe to use for several cases at once: they share the device slots.
 */
final class CasePipeline {
  private final RunOptions options;
  private final Progress progress;
  private final PreprocessStep preprocess;
  private final SegmentStep segment;
  private final List<AlgorithmDescriptor> algorithms;

  CasePipeline(RunOptions options, Progress progress, Supplier<Preprocessor> preprocessor, DeviceSlots slots,
      List<AlgorithmDescriptor> algorithms) {
    this.options = options;
    this.progress = progress;
    this.preprocess = new PreprocessStep(preprocessor);
    this.segment = new SegmentStep(slots, algorithms);
    this.algorithms = List.copyOf(algorithms);
  }

  /**
   * Processes the case in {@code caseFolder} into {@code <outputDir>/<caseId>/}. A failing step
   * gives a failed outcome, not an exception.
   *
   * @throws InterruptedException when the run is cancelled
   */
  CaseOutcome run(Path caseFolder, String caseId) throws InterruptedException {
    CaseLayout layout = new CaseLayout(options.outputDir().resolve(caseId), caseId);
    progress.caseStarted(caseId);
    try {
      RunManifest manifest = RunManifest.load(layout.caseDir(), options.force());
      CaseRun run = new CaseRun(caseId, caseFolder, layout, manifest, options, progress);
      run.preprocessDigest = preprocessDigest(caseFolder);
      String caseDigest = caseDigest(run.preprocessDigest, caseFolder);
      if (manifest.outcome() != null && manifest.outcome().ok() && manifest.completed("report")
          && manifest.finishedWith(caseDigest)) {
        progress.line(caseId, "complete in an earlier run; reused (use --force to run again)");
        progress.caseFinished(caseId, true);
        return manifest.outcome();
      }
      return runSteps(run, caseDigest);
    } catch (IOException | RuntimeException e) {
      progress.line(caseId, "failed: " + e.getMessage());
      progress.caseFinished(caseId, false);
      return new CaseOutcome(caseId, StepRecord.FAILED, String.valueOf(e.getMessage()),
          options.fusionMethods().get(0).cliName(), false, List.of(), Map.of(), Map.of());
    }
  }

  /**
   * Returns the digest of the case folder's files and the settings that shape preprocessing. The
   * ground truth is left out: evaluation runs on every run anyway.
   */
  private String preprocessDigest(Path caseFolder) throws IOException {
    String files = Fingerprints.files(caseFolder, EvaluateStep.findTruth(caseFolder), options.outputDir());
    return Fingerprints.of(List.of(files, "preprocessed=" + options.preprocessed(),
        Fingerprints.file("atlas", options.atlas())));
  }

  /** Returns the digest of everything the case's outcome depends on. */
  private String caseDigest(String preprocessDigest, Path caseFolder) throws IOException {
    List<String> parts = new ArrayList<>(List.of(preprocessDigest,
        Fingerprints.file("truth", EvaluateStep.findTruth(caseFolder))));
    algorithms.forEach(a -> parts.add("algorithm " + Fingerprints.algorithm(a)));
    options.fusionMethods().forEach(m -> parts.add("fusion " + m.cliName()));
    parts.add("truth " + options.truthConvention());
    return Fingerprints.of(parts);
  }

  private CaseOutcome runSteps(CaseRun run, String caseDigest) throws IOException, InterruptedException {
    run.manifest.invalidate();
    progress.line(run.caseId, "started from " + run.caseFolder);
    CaseInputs inputs = preprocess.run(run);
    if (inputs == null) {
      return CaseOutcomes.finish(run, List.of(), null, Map.of(), Map.of());
    }

    Map<String, SegmentationRun> runs = segment.run(run, inputs);
    Map<String, LabelVolume> segmentations = SegmentStep.readSegmentations(run.layout, runs);
    CaseFusion.Outputs fusion = null;
    if (segmentations.isEmpty()) {
      run.errors.add("no algorithm produced a segmentation");
    } else {
      fusion = FuseStep.run(run, segmentations);
    }

    Map<String, Map<Region, RegionMetrics>> truthMetrics = EvaluateStep.run(run, inputs.grid(), segmentations, fusion);
    if (fusion != null && !options.preprocessed()) {
      NativeSpaceStep.run(run, fusion);
    }
    var rows = CaseOutcomes.algorithmRows(run, runs, segmentations, fusion, truthMetrics);
    ReportStep.run(run, inputs, segmentations, fusion, truthMetrics);
    CaseOutcome outcome = CaseOutcomes.finish(run, rows, fusion, truthMetrics,
        CaseOutcomes.consensusTruthDice(run, truthMetrics));
    run.manifest.finish(outcome, caseDigest);
    return outcome;
  }
}
