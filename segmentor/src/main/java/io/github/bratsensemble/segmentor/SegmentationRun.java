package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.segmentor.schedule.Device;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of one algorithm on one case.
 *
 * @param device where it ran, or {@code null} when it was skipped before placement
 * @param reason why it failed, timed out or was skipped; empty when it succeeded
 * @param output the validated label map in the canonical convention, or {@code null}
 * @param allBackground whether the result contains no tumour label (kept, but flagged)
 */
public record SegmentationRun(
    String algorithmId,
    RunStatus status,
    Duration duration,
    Device device,
    String reason,
    Path output,
    boolean allBackground) {

  public boolean ok() {
    return status == RunStatus.OK;
  }
}
