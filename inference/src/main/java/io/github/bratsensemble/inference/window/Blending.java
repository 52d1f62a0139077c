package io.github.bratsensemble.inference.window;

/** How overlapping patch predictions are weighted before they are averaged. */
public enum Blending {
  /** A Gaussian centred on the patch with sigma = patch size / 8 per axis, peak 1: patch borders count less. */
  GAUSSIAN,
  /** Every voxel of every patch counts equally. */
  CONSTANT
}
