package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.inference.models.ModelStore;
import io.github.bratsensemble.segmentor.builtin.BuiltinAlgorithmAdapter;
import io.github.bratsensemble.segmentor.docker.ContainerTracker;
import io.github.bratsensemble.segmentor.docker.DockerAlgorithm;
import io.github.bratsensemble.segmentor.docker.DockerContext;
import io.github.bratsensemble.segmentor.docker.DockerEngine;
import io.github.bratsensemble.segmentor.docker.DockerUnavailableException;
import io.github.bratsensemble.segmentor.docker.HostUser;
import io.github.bratsensemble.segmentor.docker.ImageProvider;
import io.github.bratsensemble.segmentor.onnx.OnnxAlgorithm;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Turns registry entries into runnable algorithms for one run. Connects to Docker on first use and
 * resolves ONNX models (downloading them into the model cache when needed) as they are created;
 * an algorithm that cannot run here (no Docker daemon, a missing model) becomes an
 * {@link UnavailableAlgorithm} that is reported as skipped with the reason. Closing removes any
 * container still alive. Not thread-safe.
 */
public final class AlgorithmFactory implements AutoCloseable {
  private final Path outputDir;
  private final Consumer<String> progress;
  private final Duration timeoutOverride;
  private final String runId;
  private final ModelStore models;
  private DockerEngine engine;
  private DockerContext dockerContext;
  private DockerUnavailableException dockerProblem;
  private boolean localImagesOnly;

  /**
   * @param outputDir the run's output folder; container logs go to {@code <outputDir>/logs}
   * @param timeoutOverride replaces every container's timeout, or {@code null} to keep the registry's
   * @param progress receives image pull progress lines
   */
  public AlgorithmFactory(Path outputDir, Duration timeoutOverride, Consumer<String> progress) {
    this(outputDir, timeoutOverride, progress, new ModelStore(ModelStore.defaultCacheDirectory(), false));
  }

  /**
   * @param models resolves ONNX model files and URLs; its offline flag forbids downloads
   */
  public AlgorithmFactory(Path outputDir, Duration timeoutOverride, Consumer<String> progress, ModelStore models) {
    this.models = models;
    this.outputDir = outputDir;
    this.timeoutOverride = timeoutOverride;
    this.progress = progress;
    this.runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
        + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  /**
   * Makes Docker algorithms whose image is not present locally unavailable (skipped with the
   * reason) instead of pulling the image; returns this factory.
   */
  public AlgorithmFactory localImagesOnly() {
    this.localImagesOnly = true;
    return this;
  }

  /** Returns the run id that names this run's containers. */
  public String runId() {
    return runId;
  }

  public List<SegmentationAlgorithm> createAll(List<AlgorithmDescriptor> descriptors) throws IOException {
    List<SegmentationAlgorithm> algorithms = new ArrayList<>();
    for (AlgorithmDescriptor d : descriptors) {
      algorithms.add(create(d));
    }
    return algorithms;
  }

  public SegmentationAlgorithm create(AlgorithmDescriptor descriptor) throws IOException {
    return switch (descriptor.kind()) {
      case DOCKER -> docker(descriptor);
      case ONNX -> OnnxAlgorithm.create(descriptor, models);
      case BUILTIN -> builtin(descriptor);
    };
  }

  private static SegmentationAlgorithm builtin(AlgorithmDescriptor descriptor) {
    try {
      return BuiltinAlgorithmAdapter.of(descriptor);
    } catch (IllegalArgumentException e) {
      return new UnavailableAlgorithm(descriptor, e.getMessage());
    }
  }

  private SegmentationAlgorithm docker(AlgorithmDescriptor descriptor) throws IOException {
    if (dockerContext == null && dockerProblem == null) {
      try {
        engine = DockerEngine.connect();
        Files.createDirectories(outputDir);
        dockerContext = new DockerContext(engine.client(), new ImageProvider(engine.client(), progress),
            new ContainerTracker(engine.client()), runId, outputDir.resolve("logs"), HostUser.of(outputDir));
      } catch (DockerUnavailableException e) {
        dockerProblem = e;
      }
    }
    if (dockerProblem != null) {
      return new UnavailableAlgorithm(descriptor, dockerProblem.getMessage());
    }
    if (localImagesOnly) {
      String image = descriptor.docker().image();
      boolean present;
      try {
        present = dockerContext.images().isPresent(image);
      } catch (IOException e) {
        return new UnavailableAlgorithm(descriptor, e.getMessage());
      }
      if (!present) {
        return new UnavailableAlgorithm(descriptor, "image " + image + " is not present locally; pull it with"
            + " `docker pull " + image + "` or build it");
      }
    }
    AlgorithmDescriptor effective = timeoutOverride == null
        ? descriptor : descriptor.withDocker(descriptor.docker().withTimeout(timeoutOverride));
    return new DockerAlgorithm(effective, dockerContext);
  }

  @Override
  public void close() {
    if (dockerContext != null) {
      dockerContext.tracker().close();
    }
    if (engine != null) {
      engine.close();
    }
  }
}
