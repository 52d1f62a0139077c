package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.segmentor.schedule.Device;

/**
 * Hears about algorithms as {@link Segmentor#run} starts and finishes them, for progress displays.
 * Called from the segmentor's worker threads, several at a time; must not throw and must return
 * quickly.
 */
public interface SegmentationListener {
  /** Does nothing. */
  SegmentationListener NONE = new SegmentationListener() {};

  /** {@code algorithmId} took a slot on {@code device} and starts on {@code caseId}. */
  default void started(String caseId, String algorithmId, Device device) {}

  /** {@code run} ended: ok, failed, timed out, or skipped without a device. */
  default void finished(String caseId, SegmentationRun run) {}
}
