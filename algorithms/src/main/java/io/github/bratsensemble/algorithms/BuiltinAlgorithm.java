package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * A weight-free tumour segmentation algorithm that runs in-process on the CPU.
 *
 * <p>Input: the four co-registered, skull-stripped sequences of one case on one grid (usually
 * {@link io.github.bratsensemble.imaging.geometry.Grid#BRATS}) and an optional brain mask.
 * Output: a label map on the same grid in the BraTS 2021 convention ({@link BratsLabels}: 1 NCR,
 * 2 ED, 4 ET, 0 elsewhere). Implementations are deterministic (the same input gives the same
 * labels, bit for bit), do not modify their input and are thread-safe, so one instance may segment
 * several cases concurrently.
 */
public interface BuiltinAlgorithm {

  /** Returns the stable identifier used in registries and reports, such as {@code "gmm"}. */
  String id();

  /** Returns a one-line description of the method. */
  String description();

  /**
   * Segments one case.
   *
   * @throws IllegalArgumentException if the brain mask is empty or a sequence carries no signal
   *     inside it
   */
  LabelVolume segment(BratsCase input);
}
