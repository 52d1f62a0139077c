package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.SegmentationAlgorithm;
import io.github.bratsensemble.segmentor.SegmentationException;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.DockerSettings;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import io.github.bratsensemble.segmentor.staging.InputStager;
import io.github.bratsensemble.segmentor.staging.StagedCase;
import io.github.bratsensemble.segmentor.validation.InvalidSegmentationException;
import io.github.bratsensemble.segmentor.validation.ResultFileReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a containerised algorithm: stages the case, creates the container (see
 * {@link ContainerSpec}), waits for it up to the timeout, saves its output to
 * {@code <logs>/<id>.log}, removes it in every case, and reads the result file.
 */
public final class DockerAlgorithm implements SegmentationAlgorithm {
  private static final Logger LOG = LoggerFactory.getLogger(DockerAlgorithm.class);
  private static final int REASON_LOG_LINES = 3;

  private final AlgorithmDescriptor descriptor;
  private final DockerContext context;

  public DockerAlgorithm(AlgorithmDescriptor descriptor, DockerContext context) {
    if (descriptor.docker() == null) {
      throw new IllegalArgumentException(descriptor.id() + " is not a docker algorithm");
    }
    this.descriptor = descriptor;
    this.context = context;
  }

  @Override
  public AlgorithmDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public LabelVolume segment(CaseInputs inputs, Device device, Path workDir)
      throws SegmentationException, IOException, InterruptedException {
    DockerSettings settings = descriptor.docker();
    StagedCase staged = InputStager.stage(inputs, settings, workDir);
    context.images().ensure(settings.image());
    ContainerSpec spec = ContainerSpec.of(descriptor.id(), settings, staged, device, context.hostUser(),
        context.runId(), inputs.caseId());

    runContainer(spec, settings.timeout());

    Optional<Path> result = ResultLocator.find(staged.outputDir(), settings.resolvedOutputPatterns(descriptor.id()));
    if (result.isEmpty()) {
      throw SegmentationException.failed("wrote no result; looked for "
          + String.join(", ", settings.resolvedOutputPatterns(descriptor.id())) + " in "
          + settings.input().outputMount(settings.mountpoint()) + "; log: " + logFile());
    }
    try {
      return ResultFileReader.read(result.get(), inputs.grid());
    } catch (InvalidSegmentationException e) {
      throw new SegmentationException(RunStatus.FAILED, e.getMessage(), e);
    }
  }

  /** Creates, starts and waits for the container, always removing it. */
  private void runContainer(ContainerSpec spec, Duration timeout)
      throws SegmentationException, IOException, InterruptedException {
    DockerClient client = context.client();
    String containerId;
    try {
      containerId = spec.create(client);
    } catch (NotFoundException e) {
      throw SegmentationException.failed("image " + spec.image() + " not found: " + DockerEngine.rootMessage(e));
    } catch (DockerException e) {
      throw SegmentationException.failed("creating the container failed: " + DockerEngine.rootMessage(e).strip());
    }
    context.tracker().add(containerId);
    LOG.info("{}: created container {} from {} on {}", descriptor.id(), shortId(containerId), spec.image(), spec.device());
    try {
      try {
        client.startContainerCmd(containerId).exec();
      } catch (DockerException e) {
        throw SegmentationException.failed("starting the container failed: " + DockerEngine.rootMessage(e).strip());
      }
      Integer exitCode = waitForExit(containerId, timeout);
      if (exitCode == null) {
        LOG.warn("{}: container {} timed out after {} s; killing it", descriptor.id(), shortId(containerId), timeout.toSeconds());
        kill(containerId);
        saveLog(containerId);
        throw new SegmentationException(RunStatus.TIMED_OUT, "timed out after " + timeout.toSeconds() + " s");
      }
      Deque<String> tail = saveLog(containerId);
      LOG.info("{}: container {} exited with code {}", descriptor.id(), shortId(containerId), exitCode);
      if (exitCode != 0) {
        throw SegmentationException.failed("exited with code " + exitCode
            + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail)) + "; log: " + logFile());
      }
    } finally {
      context.tracker().remove(containerId);
    }
  }

  /** Polls the container state; returns the exit code, or {@code null} when the timeout passed first. */
  private Integer waitForExit(String containerId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseMillis = 50;
    while (true) {
      InspectContainerResponse.ContainerState state = context.client().inspectContainerCmd(containerId).exec().getState();
      if (!Boolean.TRUE.equals(state.getRunning()) && state.getFinishedAt() != null
          && !state.getFinishedAt().startsWith("0001-")) {
        return state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return null;
      }
      Thread.sleep(Math.min(pauseMillis, Math.max(1, remaining / 1_000_000)));
      pauseMillis = Math.min(1000, pauseMillis * 2);
    }
  }

  private void kill(String containerId) {
    try {
      context.client().killContainerCmd(containerId).exec();
    } catch (DockerException e) {
      LOG.debug("killing container {} failed: {}", shortId(containerId), e.getMessage());
    }
  }

  /** Writes the container's stdout and stderr to the log file and returns its last lines. */
  private Deque<String> saveLog(String containerId) throws IOException, InterruptedException {
    Files.createDirectories(context.logsDir());
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedWriter writer = Files.newBufferedWriter(logFile(), StandardCharsets.UTF_8)) {
      ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(Frame frame) {
          String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
          try {
            writer.write(text);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
              tail.addLast(line.strip().length() > 200 ? line.strip().substring(0, 200) : line.strip());
              if (tail.size() > REASON_LOG_LINES) {
                tail.removeFirst();
              }
            }
          }
        }
      };
      context.client().logContainerCmd(containerId)
          .withStdOut(true).withStdErr(true).withFollowStream(false).exec(callback).awaitCompletion();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return tail;
  }

  private Path logFile() {
    return context.logsDir().resolve(descriptor.id() + ".log");
  }

  private static String shortId(String containerId) {
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }
}
