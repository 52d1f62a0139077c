package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.schedule.DeviceSlots;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segments a case with every selected algorithm into {@code <case>/segmentations/}, reusing the
 * results complete in an earlier run while neither the inputs nor the algorithm changed. The device slots are shared
 * by every case of the batch, so cases running at the same time never overload a GPU.
 */
final class SegmentStep {
  /** Segmentor statuses, as {@code RunStatus.label()} spells them, that count as a failure. */
  private static final List<String> FAILURES = List.of("failed", "timed out");

  private final DeviceSlots slots;
  private final List<AlgorithmDescriptor> algorithms;

  SegmentStep(DeviceSlots slots, List<AlgorithmDescriptor> algorithms) {
    this.slots = slots;
    this.algorithms = List.copyOf(algorithms);
  }

  /**
   * Returns the runs by algorithm id, in registry order; a reused result maps to {@code null}.
   *
   * @throws InterruptedException when the run is cancelled
   */
  Map<String, SegmentationRun> run(CaseRun run, CaseInputs inputs) throws IOException, InterruptedException {
    Map<String, SegmentationRun> runs = new LinkedHashMap<>();
    List<AlgorithmDescriptor> pending = new ArrayList<>();
    for (AlgorithmDescriptor algorithm : algorithms) {
      String step = "segment/" + algorithm.id();
      StepRecord previous = run.manifest.step(step);
      if (!run.upstreamChanged && previous != null && run.manifest.completed(step, digest(run, algorithm))
          && Files.exists(run.layout.segmentation(algorithm.id()))) {
        StepRecord reused = new StepRecord(StepRecord.REUSED, previous.seconds(), previous.device(), "");
        run.timings.add(CaseRun.timing("segment", algorithm.id(), reused));
        run.progress.step(run.caseId, "segment " + algorithm.id(), reused);
        runs.put(algorithm.id(), null);
      } else {
        pending.add(algorithm);
      }
    }
    if (pending.isEmpty()) {
      return runs;
    }

    run.upstreamChanged = true;
    run.progress.stepStarted(run.caseId, "segment");
    run.progress.line(run.caseId, "segmenting with " + String.join(", ", pending.stream().map(AlgorithmDescriptor::id).toList()));
    RunSummary summary;
    try (AlgorithmFactory factory = new AlgorithmFactory(run.layout.segmentations(), null,
        line -> run.progress.line(run.caseId, line)).localImagesOnly()) {
      summary = new Segmentor(slots)
          .run(inputs, factory.createAll(pending), run.layout.segmentations(), run.progress.segmentationListener());
    }
    for (SegmentationRun algorithmRun : summary.runs()) {
      String status = algorithmRun.status().label();
      StepRecord record = new StepRecord(status, algorithmRun.duration().toMillis() / 1000.0,
          algorithmRun.device() == null ? "" : algorithmRun.device().toString(),
          algorithmRun.reason() == null ? "" : algorithmRun.reason());
      if (FAILURES.contains(status)) {
        run.errors.add(algorithmRun.algorithmId() + " " + status + ": " + record.detail());
      }
      run.manifest.record("segment/" + algorithmRun.algorithmId(), record,
          digest(run, byId(algorithmRun.algorithmId())));
      run.timings.add(CaseRun.timing("segment", algorithmRun.algorithmId(), record));
      run.progress.step(run.caseId, "segment " + algorithmRun.algorithmId(), record);
      runs.put(algorithmRun.algorithmId(), algorithmRun);
    }
    return runs;
  }

  /** Returns the digest of what an algorithm's result depends on: the case's inputs and the algorithm. */
  private static String digest(CaseRun run, AlgorithmDescriptor algorithm) {
    return Fingerprints.of(List.of(run.preprocessDigest, Fingerprints.algorithm(algorithm)));
  }

  private AlgorithmDescriptor byId(String id) {
    return algorithms.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  /** Reads every segmentation that exists: those just written and those reused. */
  static Map<String, LabelVolume> readSegmentations(CaseLayout layout, Map<String, SegmentationRun> runs)
      throws IOException {
    Map<String, LabelVolume> segmentations = new LinkedHashMap<>();
    for (Map.Entry<String, SegmentationRun> entry : runs.entrySet()) {
      SegmentationRun run = entry.getValue();
      if (run == null || run.ok()) {
        segmentations.put(entry.getKey(), Nifti.readLabels(layout.segmentation(entry.getKey())));
      }
    }
    return segmentations;
  }
}
