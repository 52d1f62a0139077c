package io.github.bratsensemble.algorithms.growing;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;

/**
 * Seeded region growing with two thresholds (hysteresis): the region is every voxel allowed by
 * {@code grow} that is 26-connected, through allowed voxels, to a voxel of {@code seeds}. Seeds
 * outside {@code grow} are ignored. Stateless and thread-safe.
 */
public final class HysteresisGrowing {
  private HysteresisGrowing() {}

  /** Returns the 0/1 region grown from {@code seeds} through {@code grow}. */
  public static byte[] grow(byte[] seeds, byte[] grow, Dimensions dimensions) {
    return ConnectedComponents.label(grow, dimensions, Connectivity.FULL_26).keepTouching(seeds);
  }
}
