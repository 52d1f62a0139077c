package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.EvaluationRows;
import io.github.bratsensemble.cli.report.CaseReport;
import io.github.bratsensemble.cli.report.CaseReport.Timing;
import io.github.bratsensemble.cli.report.HtmlCaseReport;
import io.github.bratsensemble.cli.run.CaseOutcome.AlgorithmOutcome;
import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.evaluation.BratsEvaluator;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelConversion;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.nativespace.NativeSpace;
import io.github.bratsensemble.preprocessor.pipeline.CaseResult;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs every step of one case: preprocess, segment, fuse, evaluate, map to native space, report.
 * A failing algorithm or step is recorded and the remaining steps run on what exists; the case is
 * {@code failed} when any step or algorithm failed. Steps recorded as complete in the case's {@link
 * RunManifest} are reused, and a case whose every step is complete is not touched at all, unless
 * {@code --force}. Safe to use for several cases at once.
 */
final class CasePipeline {
  /** Segmentor statuses, as {@code RunStatus.label()} spells them, that count as a failure. */
  private static final List<String> FAILURES = List.of("failed", "timed out");

  private final RunOptions options;
  private final Progress progress;
  private final Supplier<Preprocessor> preprocessor;
  private final List<Gpu> gpus;
  private final List<AlgorithmDescriptor> algorithms;

  CasePipeline(RunOptions options, Progress progress, Supplier<Preprocessor> preprocessor, List<Gpu> gpus,
      List<AlgorithmDescriptor> algorithms) {
    this.options = options;
    this.progress = progress;
    this.preprocessor = preprocessor;
    this.gpus = List.copyOf(gpus);
    this.algorithms = List.copyOf(algorithms);
  }

  /**
   * Processes the case in {@code caseFolder}. A failing step gives a failed outcome, not an exception.
   *
   * @throws InterruptedException when the run is cancelled
   */
  CaseOutcome run(Path caseFolder) throws InterruptedException {
    String caseId = caseFolder.getFileName().toString();
    CaseLayout layout = new CaseLayout(options.outputDir().resolve(caseId), caseId);
    try {
      RunManifest manifest = RunManifest.load(layout.caseDir(), options.force());
      if (manifest.outcome() != null && manifest.outcome().ok() && manifest.completed("report")) {
        progress.line(caseId, "complete in an earlier run; reused (use --force to run again)");
        return manifest.outcome();
      }
      return new CaseRun(caseId, caseFolder, layout, manifest).run();
    } catch (IOException | RuntimeException e) {
      progress.line(caseId, "failed: " + e.getMessage());
      return new CaseOutcome(caseId, StepRecord.FAILED, String.valueOf(e.getMessage()),
          options.fusionMethods().get(0).cliName(), false, List.of(), Map.of(), Map.of());
    }
  }

  /** The state of one case while its steps run. */
  private final class CaseRun {
    private final String caseId;
    private final Path caseFolder;
    private final CaseLayout layout;
    private final RunManifest manifest;
    private final List<Timing> timings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean upstreamChanged;

    CaseRun(String caseId, Path caseFolder, CaseLayout layout, RunManifest manifest) {
      this.caseId = caseId;
      this.caseFolder = caseFolder;
      this.layout = layout;
      this.manifest = manifest;
    }

    CaseOutcome run() throws IOException, InterruptedException {
      manifest.invalidate();
      progress.line(caseId, "started from " + caseFolder);
      CaseInputs inputs = preprocess();
      if (inputs == null) {
        return finish(List.of(), null, Map.of(), Map.of());
      }

      Map<String, SegmentationRun> runs = segment(inputs);
      Map<String, LabelVolume> segmentations = readSegmentations(runs);
      CaseFusion.Outputs fusion = null;
      if (segmentations.isEmpty()) {
        errors.add("no algorithm produced a segmentation");
      } else {
        fusion = fuse(segmentations);
      }

      Map<String, Map<Region, RegionMetrics>> truthMetrics = evaluate(inputs.grid(), segmentations, fusion);
      if (fusion != null && !options.preprocessed()) {
        mapToNative(fusion);
      }
      List<AlgorithmOutcome> rows = algorithmRows(runs, segmentations, fusion, truthMetrics);
      writeReport(inputs, segmentations, fusion, truthMetrics);
      CaseOutcome outcome = finish(rows, fusion, truthMetrics, consensusTruthDice(truthMetrics));
      manifest.finish(outcome);
      return outcome;
    }

    // ---- preprocess ----

    private CaseInputs preprocess() throws IOException {
      if (options.preprocessed()) {
        record("preprocess", "", new StepRecord(StepRecord.SKIPPED, 0, "", "inputs are in BraTS space (--preprocessed)"));
        return withCaseId(CaseDiscovery.discover(caseFolder));
      }
      Path folder = layout.preprocessed();
      if (manifest.completed("preprocess") && Files.exists(folder.resolve("manifest.json"))) {
        reuse("preprocess", "");
        return withCaseId(CaseDiscovery.discover(folder));
      }
      upstreamChanged = true;
      long start = System.nanoTime();
      try {
        var discovered = io.github.bratsensemble.preprocessor.discovery.CaseDiscovery.discover(caseFolder, caseId, Map.of());
        CaseResult result = preprocessor.get().process(discovered, layout.preprocessingStage());
        replaceFolder(result.folder(), folder);
        deleteQuietly(layout.preprocessingStage());
        record("preprocess", "", new StepRecord(StepRecord.OK, seconds(start), "cpu", ""));
        return withCaseId(CaseDiscovery.discover(folder));
      } catch (IOException | RuntimeException e) {
        fail("preprocess", "", start, e);
        return null;
      }
    }

    private CaseInputs withCaseId(CaseInputs found) {
      return new CaseInputs(caseId, found.t1(), found.t1c(), found.t2(), found.flair(), found.grid());
    }

    // ---- segment ----

    private Map<String, SegmentationRun> segment(CaseInputs inputs) throws IOException, InterruptedException {
      Map<String, SegmentationRun> runs = new LinkedHashMap<>();
      List<AlgorithmDescriptor> pending = new ArrayList<>();
      for (AlgorithmDescriptor algorithm : algorithms) {
        String step = "segment/" + algorithm.id();
        StepRecord previous = manifest.step(step);
        if (!upstreamChanged && previous != null && previous.ok() && Files.exists(layout.segmentation(algorithm.id()))) {
          StepRecord reused = new StepRecord(StepRecord.REUSED, previous.seconds(), previous.device(), "");
          timings.add(timing("segment", algorithm.id(), reused));
          progress.step(caseId, "segment " + algorithm.id(), reused);
          runs.put(algorithm.id(), null);
        } else {
          pending.add(algorithm);
        }
      }
      if (pending.isEmpty()) {
        return runs;
      }

      upstreamChanged = true;
      progress.line(caseId, "segmenting with " + String.join(", ", pending.stream().map(AlgorithmDescriptor::id).toList()));
      RunSummary summary;
      try (AlgorithmFactory factory = new AlgorithmFactory(layout.segmentations(), null,
          line -> progress.line(caseId, line))) {
        summary = new Segmentor(gpus, Segmentor.Options.defaults())
            .run(inputs, factory.createAll(pending), layout.segmentations());
      }
      for (SegmentationRun run : summary.runs()) {
        String status = run.status().label();
        StepRecord record = new StepRecord(status, run.duration().toMillis() / 1000.0,
            run.device() == null ? "" : run.device().toString(), run.reason() == null ? "" : run.reason());
        if (FAILURES.contains(status)) {
          errors.add(run.algorithmId() + " " + status + ": " + record.detail());
        }
        manifest.record("segment/" + run.algorithmId(), record);
        timings.add(timing("segment", run.algorithmId(), record));
        progress.step(caseId, "segment " + run.algorithmId(), record);
        runs.put(run.algorithmId(), run);
      }
      return runs;
    }

    private Map<String, LabelVolume> readSegmentations(Map<String, SegmentationRun> runs) throws IOException {
      Map<String, LabelVolume> segmentations = new LinkedHashMap<>();
      for (Map.Entry<String, SegmentationRun> entry : runs.entrySet()) {
        SegmentationRun run = entry.getValue();
        if (run == null || run.ok()) {
          segmentations.put(entry.getKey(), Nifti.readLabels(layout.segmentation(entry.getKey())));
        }
      }
      return segmentations;
    }

    // ---- fuse ----

    private CaseFusion.Outputs fuse(Map<String, LabelVolume> segmentations) {
      long start = System.nanoTime();
      CaseFusion.Outputs outputs = CaseFusion.run(segmentations, options.fusionMethods(), layout, (method, record) -> {
        timings.add(timing("fuse", method.cliName(), record));
        progress.step(caseId, "fuse " + method.cliName(), record);
        try {
          manifest.record("fuse/" + method.cliName(), record);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (StepRecord.FAILED.equals(record.status())) {
          errors.add("fusion " + method.cliName() + " failed: " + record.detail());
        }
      });
      if (outputs.consensus() == null) {
        progress.line(caseId, String.format(Locale.ROOT, "no consensus (%.1f s)", seconds(start)));
        return null;
      }
      return outputs;
    }

    // ---- evaluate ----

    private Map<String, Map<Region, RegionMetrics>> evaluate(Grid grid, Map<String, LabelVolume> segmentations,
        CaseFusion.Outputs fusion) {
      Path truthFile = findTruth(caseFolder);
      if (truthFile == null) {
        return Map.of();
      }
      long start = System.nanoTime();
      try {
        LabelVolume truth = Nifti.readLabels(truthFile);
        truth = LabelVolume.wrap(truth.grid(),
            LabelConversion.convert(truth.labelArray(), options.truthConvention(), LabelConvention.BRATS2023));
        if (!truth.grid().matches(grid, Grid.DEFAULT_TOLERANCE_MM) && !options.preprocessed()) {
          truth = NativeSpace.toBrats(layout.preprocessed(), truth, Sequence.T1C, options.threads());
        }
        BratsEvaluator evaluator = new BratsEvaluator(LabelConvention.BRATS2023);
        Map<String, Map<Region, RegionMetrics>> metrics = new LinkedHashMap<>();
        List<EvaluationRows> rows = new ArrayList<>();
        Map<String, LabelVolume> evaluated = new LinkedHashMap<>(segmentations);
        if (fusion != null) {
          fusion.consensusByMethod().forEach((method, labels) -> evaluated.put("consensus:" + method.cliName(), labels));
        }
        for (Map.Entry<String, LabelVolume> entry : evaluated.entrySet()) {
          Map<Region, RegionMetrics> m = evaluator.evaluate(truth, entry.getValue());
          metrics.put(entry.getKey(), m);
          rows.add(new EvaluationRows(caseId, truthFile.toString(), entry.getKey(), m));
        }
        writeEvaluation(rows);
        record("evaluate", "", new StepRecord(StepRecord.OK, seconds(start), "cpu", ""));
        return metrics;
      } catch (IOException | RuntimeException e) {
        fail("evaluate", "", start, e);
        return Map.of();
      }
    }

    private void writeEvaluation(List<EvaluationRows> rows) throws IOException {
      Files.createDirectories(layout.report());
      StringBuilder csv = new StringBuilder(EvaluationRows.CSV_HEADER).append('\n');
      List<Object> json = new ArrayList<>();
      for (EvaluationRows row : rows) {
        row.csvLines().forEach(line -> csv.append(line).append('\n'));
        json.add(row.toJson());
      }
      AtomicFiles.writeString(layout.report().resolve("evaluation.csv"), csv.toString());
      AtomicFiles.writeString(layout.report().resolve("evaluation.json"), SummaryFiles.JSON.writeValueAsString(json) + "\n");
    }

    // ---- native space ----

    private void mapToNative(CaseFusion.Outputs fusion) {
      for (Map.Entry<FusionMethod, LabelVolume> entry : fusion.consensusByMethod().entrySet()) {
        String method = entry.getKey().cliName();
        long start = System.nanoTime();
        try {
          LabelVolume nativeLabels = NativeSpace.toNative(layout.preprocessed(), entry.getValue(), Sequence.T1C,
              options.threads());
          Path target = layout.nativeConsensus(entry.getKey());
          Files.createDirectories(target.getParent());
          Nifti.writeLabels(target, nativeLabels);
          record("native", method, new StepRecord(StepRecord.OK, seconds(start), "cpu", ""));
        } catch (IOException | RuntimeException e) {
          fail("native", method, start, e);
        }
      }
    }

    // ---- report ----

    private void writeReport(CaseInputs inputs, Map<String, LabelVolume> segmentations, CaseFusion.Outputs fusion,
        Map<String, Map<Region, RegionMetrics>> truthMetrics) {
      long start = System.nanoTime();
      try {
        CaseReport report = CaseReportAssembler.assemble(caseId, inputs, segmentations, fusion, truthMetrics,
            timings, options.toolVersion(), options.command(), Instant.now());
        HtmlCaseReport.write(layout.report(), report);
        record("report", "", new StepRecord(StepRecord.OK, seconds(start), "cpu", ""));
      } catch (IOException | RuntimeException e) {
        fail("report", "", start, e);
      }
    }

    // ---- outcome ----

    private List<AlgorithmOutcome> algorithmRows(Map<String, SegmentationRun> runs, Map<String, LabelVolume> segmentations,
        CaseFusion.Outputs fusion, Map<String, Map<Region, RegionMetrics>> truthMetrics) {
      List<AlgorithmOutcome> rows = new ArrayList<>();
      for (Map.Entry<String, SegmentationRun> entry : runs.entrySet()) {
        String id = entry.getKey();
        SegmentationRun run = entry.getValue();
        StepRecord record = manifest.step("segment/" + id);
        String status = run == null ? StepRecord.REUSED : run.status().label();
        Map<Region, Double> volumes = segmentations.containsKey(id)
            ? CaseFusion.volumesMl(segmentations.get(id)) : Map.of();
        Map<Region, Double> dice = fusion != null && segmentations.containsKey(id)
            ? fusion.diceVsConsensus(segmentations.get(id)) : Map.of();
        Map<Region, Double> truthDice = truthMetrics.containsKey(id) ? diceOf(truthMetrics.get(id)) : Map.of();
        rows.add(new AlgorithmOutcome(id, status, record == null ? 0 : record.seconds(),
            record == null ? "" : record.device(), record == null ? "" : record.detail(), volumes, dice, truthDice));
      }
      return rows;
    }

    private Map<Region, Double> consensusTruthDice(Map<String, Map<Region, RegionMetrics>> truthMetrics) {
      Map<Region, RegionMetrics> m = truthMetrics.get("consensus:" + options.fusionMethods().get(0).cliName());
      return m == null ? Map.of() : diceOf(m);
    }

    private CaseOutcome finish(List<AlgorithmOutcome> rows, CaseFusion.Outputs fusion,
        Map<String, Map<Region, RegionMetrics>> truthMetrics, Map<Region, Double> consensusTruthDice) {
      String status = errors.isEmpty() ? StepRecord.OK : StepRecord.FAILED;
      String error = errors.isEmpty() ? "" : errors.get(0);
      Map<Region, Double> consensusVolumes = fusion == null ? Map.of() : CaseFusion.volumesMl(fusion.consensus());
      progress.line(caseId, "finished: " + status + (error.isEmpty() ? "" : " (" + error + ")"));
      return new CaseOutcome(caseId, status, error, options.fusionMethods().get(0).cliName(), !truthMetrics.isEmpty(),
          rows, consensusVolumes, consensusTruthDice);
    }

    // ---- helpers ----

    private void record(String step, String subject, StepRecord record) throws IOException {
      String key = subject.isEmpty() ? step : step + "/" + subject;
      manifest.record(key, record);
      timings.add(timing(step, subject, record));
      progress.step(caseId, subject.isEmpty() ? step : step + " " + subject, record);
    }

    private void reuse(String step, String subject) throws IOException {
      String key = subject.isEmpty() ? step : step + "/" + subject;
      StepRecord previous = manifest.step(key);
      StepRecord reused = new StepRecord(StepRecord.REUSED, previous.seconds(), previous.device(), "");
      timings.add(timing(step, subject, reused));
      progress.step(caseId, subject.isEmpty() ? step : step + " " + subject, reused);
    }

    private void fail(String step, String subject, long start, Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
      errors.add(step + (subject.isEmpty() ? "" : " " + subject) + " failed: " + message);
      try {
        record(step, subject, new StepRecord(StepRecord.FAILED, seconds(start), "", message));
      } catch (IOException writeFailure) {
        errors.add("cannot write the run manifest: " + writeFailure.getMessage());
      }
    }
  }

  static Map<Region, Double> diceOf(Map<Region, RegionMetrics> metrics) {
    Map<Region, Double> dice = new EnumMap<>(Region.class);
    metrics.forEach((region, m) -> dice.put(region, m.dice()));
    return dice;
  }

  private static Timing timing(String step, String subject, StepRecord record) {
    return new Timing(step, subject, record.device(), record.status(),
        Duration.ofMillis(Math.round(record.seconds() * 1000)), record.detail());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Returns the ground-truth file of a case folder (a name ending in -seg or _seg), or null. */
  static Path findTruth(Path caseFolder) {
    try (Stream<Path> entries = Files.list(caseFolder)) {
      return entries.filter(Files::isRegularFile).filter(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("-seg.nii.gz") || name.endsWith("_seg.nii.gz") || name.endsWith("-seg.nii")
            || name.endsWith("_seg.nii");
      }).sorted().findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** Replaces {@code target} by {@code source}: the old folder is moved aside first, then deleted. */
  private static void replaceFolder(Path source, Path target) throws IOException {
    Path old = target.resolveSibling("." + target.getFileName() + ".old");
    deleteQuietly(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    deleteQuietly(old);
  }

  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover staging folder is harmless: it is replaced by the next run.
    }
  }
}
