package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.preprocessor.pipeline.BrainExtractionMethod;
import io.github.bratsensemble.preprocessor.pipeline.PreprocessOptions;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.gpu.GpuInventory;
import io.github.bratsensemble.segmentor.gpu.ProcessCommandRunner;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import io.github.bratsensemble.segmentor.schedule.DeviceSlots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CasePipeline} over every case of the input, {@code jobs} cases at a time, then writes
 * the summary files. A failing case never stops the others. {@link #cancel()} (called from a
 * shutdown hook on Ctrl-C) interrupts the running cases: the segmentor stops and removes their
 * containers, and because steps are recorded only after their outputs are written, no half-written
 * output is ever recorded as complete.
 */
public final class BatchRun {
  /** How long {@link #cancel()} waits for running cases to stop. */
  private static final long CANCEL_WAIT_SECONDS = 60;

  private final RunOptions options;
  private final Progress progress;
  private volatile ExecutorService pool;
  private volatile boolean cancelled;
  private volatile List<Path> stages = List.of();

  /** The outcome of the whole run. */
  public record Result(List<CaseOutcome> cases, String summaryJson, boolean ok) {}

  public BatchRun(RunOptions options, java.io.PrintWriter err, boolean quiet) {
    this(options, err, quiet ? ProgressMode.QUIET : ProgressMode.PLAIN, 0);
  }

  /**
   * @param mode how progress is shown on {@code err}
   * @param width the terminal width in columns for {@link ProgressMode#LIVE}, or 0 for no limit
   */
  public BatchRun(RunOptions options, java.io.PrintWriter err, ProgressMode mode, int width) {
    this.options = options;
    this.progress = new Progress(err, mode, width);
  }

  /**
   * Runs every case.
   *
   * @throws IOException when the input contains no case, the registry is invalid or a requested
   *     algorithm is unknown, or the summary cannot be written
   * @throws DuplicateCaseIdException when two case folders get the same case id
   */
  public Result run() throws IOException, InterruptedException {
    CaseFolders folders = CaseFolders.find(options.input());
    stages = folders.cases().stream()
        .map(c -> new CaseLayout(options.outputDir().resolve(c.id()), c.id()).preprocessingStage()).toList();
    for (CaseFolders.Skipped skipped : folders.skipped()) {
      progress.line(null, "skipped " + skipped.folder() + ": " + skipped.reason());
    }
    for (CaseFolders.Case c : folders.cases()) {
      if (!c.id().equals(c.folder().getFileName().toString())) {
        progress.line(c.id(), "case folder " + c.folder());
      }
    }
    List<AlgorithmDescriptor> algorithms = selectAlgorithms();
    List<Gpu> gpus = GpuInventory.discover(new ProcessCommandRunner(30)).gpus();
    // One set of device slots for the whole batch: cases running at the same time share the GPUs,
    // and the CPU slots are at least one per job so that --jobs still segments cases side by side.
    Segmentor.Options limits = Segmentor.Options.defaults();
    DeviceSlots slots = new DeviceSlots(gpus, limits.slotsPerGpu(), Math.max(limits.cpuSlots(), options.jobs()));
    progress.line(null, folders.cases().size() + " case(s), algorithms " + String.join(", ",
        algorithms.stream().map(AlgorithmDescriptor::id).toList()) + ", fusion " + String.join(", ",
        options.fusionMethods().stream().map(m -> m.cliName()).toList()) + ", " + gpus.size() + " GPU(s), "
        + options.jobs() + " job(s)");

    SharedPreprocessor preprocessor = new SharedPreprocessor();
    List<CaseOutcome> outcomes = new ArrayList<>();
    try {
      CasePipeline pipeline = new CasePipeline(options, progress, preprocessor::get, slots, algorithms);
      progress.casesFound(folders.cases().size());
      pool = Executors.newFixedThreadPool(options.jobs());
      List<Future<CaseOutcome>> futures = new ArrayList<>();
      for (CaseFolders.Case c : folders.cases()) {
        futures.add(pool.submit(() -> pipeline.run(c.folder(), c.id())));
      }
      for (int i = 0; i < futures.size(); i++) {
        String caseId = folders.cases().get(i).id();
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          String message = cause instanceof InterruptedException ? "interrupted" : String.valueOf(cause.getMessage());
          progress.line(caseId, "failed: " + message);
          progress.caseFinished(caseId, false);
          outcomes.add(new CaseOutcome(caseId, StepRecord.FAILED, message,
              options.fusionMethods().get(0).cliName(), false, List.of(), Map.of(), Map.of()));
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      preprocessor.close();
      progress.close();
    }

    boolean ok = !cancelled && outcomes.stream().allMatch(CaseOutcome::ok);
    String json = SummaryFiles.write(options.outputDir(), options, outcomes, folders.skipped());
    progress.line(null, "summary -> " + options.outputDir().resolve("summary.csv") + ", "
        + options.outputDir().resolve("summary.json"));
    return new Result(outcomes, json, ok);
  }

  /** Stops running cases and waits for them to finish their clean-up. Safe to call from any thread. */
  public void cancel() {
    cancelled = true;
    ExecutorService running = pool;
    if (running == null) {
      return;
    }
    progress.line(null, "cancelling: stopping running cases");
    running.shutdownNow();
    try {
      running.awaitTermination(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A case still busy after the wait leaves its staging folder; the JVM is about to exit.
    for (Path stage : stages) {
      PreprocessStep.deleteQuietly(stage);
    }
  }

  private List<AlgorithmDescriptor> selectAlgorithms() throws IOException {
    AlgorithmRegistry registry = AlgorithmRegistry.load(options.registry());
    try {
      return registry.select(options.algorithmIds());
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Opens the preprocessing pipeline on first use, once for all cases. */
  private final class SharedPreprocessor {
    private Preprocessor preprocessor;

    synchronized Preprocessor get() {
      if (preprocessor == null) {
        try {
          BrainExtractionMethod brainExtraction = Preprocessor.defaultBrainExtraction(null, options.cacheDir());
          PreprocessOptions preprocessOptions = PreprocessOptions.builder().brainExtraction(brainExtraction)
              .threads(options.threads()).toolVersion(options.toolVersion()).force(options.force())
              .atlasImage(options.atlas()).cacheDir(options.cacheDir()).offline(options.offline()).build();
          preprocessor = Preprocessor.open(preprocessOptions, null);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot open the preprocessing pipeline: " + e.getMessage(), e);
        }
      }
      return preprocessor;
    }

    synchronized void close() {
      if (preprocessor != null) {
        preprocessor.close();
      }
    }
  }
}
