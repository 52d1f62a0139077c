package io.github.bratsensemble.segmentor;

/**
 * An algorithm that did not produce a valid segmentation. The message is the reason shown in the
 * run summary.
 */
public class SegmentationException extends Exception {
  private final RunStatus status;

  public SegmentationException(RunStatus status, String reason) {
    super(reason);
    this.status = status;
  }

  public SegmentationException(RunStatus status, String reason, Throwable cause) {
    super(reason, cause);
    this.status = status;
  }

  public static SegmentationException failed(String reason) {
    return new SegmentationException(RunStatus.FAILED, reason);
  }

  /** Returns {@link RunStatus#FAILED}, {@link RunStatus#TIMED_OUT} or {@link RunStatus#SKIPPED}. */
  public RunStatus status() {
    return status;
  }
}
