package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.schedule.DeviceSlots;
import io.github.bratsensemble.segmentor.schedule.Scheduler;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import io.github.bratsensemble.segmentor.validation.InvalidSegmentationException;
import io.github.bratsensemble.segmentor.validation.SegmentationValidator;
import io.github.bratsensemble.segmentor.validation.ValidatedSegmentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several algorithms on one case concurrently on the available devices, validates each
 * result, and writes it as uint8 {@code <output>/<id>.nii.gz} in the canonical label convention
 * (atomically). A failed algorithm never stops the others; each gets a {@link SegmentationRun}.
 */
public final class Segmentor {
  private static final Logger LOG = LoggerFactory.getLogger(Segmentor.class);

  /** The name of the summary file written into the output folder. */
  public static final String SUMMARY_FILE = "segmentation-summary.json";

  /**
   * Concurrency limits.
   *
   * @param slotsPerGpu algorithms that may share one GPU at a time
   * @param cpuSlots algorithms that may run on the CPU at a time
   */
  public record Options(int slotsPerGpu, int cpuSlots) {
    public static Options defaults() {
      return new Options(1, Math.max(1, Runtime.getRuntime().availableProcessors() / 4));
    }
  }

  private final DeviceSlots slots;

  /** Creates a segmentor with device slots of its own, shared by its {@link #run} calls. */
  public Segmentor(List<Gpu> gpus, Options options) {
    this(new DeviceSlots(gpus, options.slotsPerGpu(), options.cpuSlots()));
  }

  /**
   * Creates a segmentor that takes its device slots from {@code slots}. Segmentors sharing one
   * instance (the cases of a batch) never exceed its slots together.
   */
  public Segmentor(DeviceSlots slots) {
    this.slots = slots;
  }

  /**
   * Runs every algorithm on {@code inputs} and writes results, logs and the summary under
   * {@code outputDir}.
   *
   * @throws InterruptedException when cancelled; running algorithms are stopped first
   */
  public RunSummary run(CaseInputs inputs, List<? extends SegmentationAlgorithm> algorithms, Path outputDir)
      throws IOException, InterruptedException {
    return run(inputs, algorithms, outputDir, SegmentationListener.NONE);
  }

  /**
   * Like {@link #run(CaseInputs, List, Path)}, telling {@code listener} when each algorithm starts
   * and ends.
   */
  public RunSummary run(CaseInputs inputs, List<? extends SegmentationAlgorithm> algorithms, Path outputDir,
      SegmentationListener listener) throws IOException, InterruptedException {
    Files.createDirectories(outputDir);
    Path workRoot = Files.createDirectories(outputDir.resolve(".work"));
    List<Scheduler.Task<SegmentationRun>> tasks = new ArrayList<>();
    for (SegmentationAlgorithm algorithm : algorithms) {
      tasks.add(new AlgorithmTask(algorithm, inputs, outputDir, workRoot, listener));
    }
    List<SegmentationRun> runs;
    try {
      runs = new Scheduler(slots).run(tasks);
    } finally {
      deleteRecursively(workRoot);
    }
    RunSummary summary = new RunSummary(inputs.caseId(), runs);
    summary.write(outputDir.resolve(SUMMARY_FILE));
    return summary;
  }

  private static final class AlgorithmTask implements Scheduler.Task<SegmentationRun> {
    private final SegmentationAlgorithm algorithm;
    private final CaseInputs inputs;
    private final Path outputDir;
    private final Path workRoot;
    private final SegmentationListener listener;

    AlgorithmTask(SegmentationAlgorithm algorithm, CaseInputs inputs, Path outputDir, Path workRoot,
        SegmentationListener listener) {
      this.algorithm = algorithm;
      this.inputs = inputs;
      this.outputDir = outputDir;
      this.workRoot = workRoot;
      this.listener = listener;
    }

    @Override
    public GpuRequirement gpuRequirement() {
      return algorithm.descriptor().gpu();
    }

    @Override
    public SegmentationRun rejected(String reason) {
      LOG.warn("{}: skipped: {}", algorithm.descriptor().id(), reason);
      SegmentationRun run =
          new SegmentationRun(algorithm.descriptor().id(), RunStatus.SKIPPED, Duration.ZERO, null, reason, null, false);
      listener.finished(inputs.caseId(), run);
      return run;
    }

    @Override
    public SegmentationRun run(Device device) {
      listener.started(inputs.caseId(), algorithm.descriptor().id(), device);
      SegmentationRun run = runOn(device);
      listener.finished(inputs.caseId(), run);
      return run;
    }

    private SegmentationRun runOn(Device device) {
      AlgorithmDescriptor descriptor = algorithm.descriptor();
      String id = descriptor.id();
      long start = System.nanoTime();
      LOG.info("{}: started on {}", id, device);
      Path workDir = workRoot.resolve(id);
      try {
        Files.createDirectories(workDir);
        LabelVolume raw = algorithm.segment(inputs, device, workDir);
        ValidatedSegmentation valid = SegmentationValidator.validate(
            "result of " + id, raw, inputs.grid(), descriptor.labels());
        Path output = outputDir.resolve(id + ".nii.gz");
        Nifti.writeLabels(output, valid.labels());
        Duration duration = elapsed(start);
        String note = valid.allBackground() ? "all background: no tumour voxel" : "";
        LOG.info("{}: ok in {} s{}", id, duration.toSeconds(), note.isEmpty() ? "" : " (" + note + ")");
        return new SegmentationRun(id, RunStatus.OK, duration, device, note, output, valid.allBackground());
      } catch (SegmentationException e) {
        return failure(id, e.status(), device, start, e.getMessage());
      } catch (InvalidSegmentationException e) {
        return failure(id, RunStatus.FAILED, device, start, e.getMessage());
      } catch (IOException e) {
        return failure(id, RunStatus.FAILED, device, start, String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure(id, RunStatus.FAILED, device, start, "cancelled");
      } catch (RuntimeException e) {
        LOG.error("{}: failed with an unexpected error", id, e);
        return failure(id, RunStatus.FAILED, device, start, e.getClass().getSimpleName() + ": " + e.getMessage());
      } finally {
        deleteQuietly(workDir);
      }
    }

    private static SegmentationRun failure(String id, RunStatus status, Device device, long start, String reason) {
      LOG.warn("{}: {} on {}: {}", id, status.label(), device, reason);
      return new SegmentationRun(id, status, elapsed(start), device, reason, null, false);
    }
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      LOG.warn("could not delete work folder {}: {}", dir, e.getMessage());
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
