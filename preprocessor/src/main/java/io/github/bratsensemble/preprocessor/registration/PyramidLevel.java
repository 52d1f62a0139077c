package io.github.bratsensemble.preprocessor.registration;

/**
 * One resolution level of a registration.
 *
 * @param shrinkFactor the level's voxel size as a multiple of the fixed image's smallest voxel
 *     spacing; each axis of each image is block-averaged by the integer factor closest to that size
 *     (at least 1), so a 0.47 x 0.47 x 5 mm image at factor 8 becomes 3.75 x 3.75 x 5 mm
 * @param smoothingSigmaMm Gaussian sigma in mm applied after block averaging (0 for none)
 * @param maxIterations upper bound on optimiser iterations at this level
 */
public record PyramidLevel(int shrinkFactor, double smoothingSigmaMm, int maxIterations) {
  public PyramidLevel {
    if (shrinkFactor < 1) {
      throw new IllegalArgumentException("shrink factor must be at least 1 but was " + shrinkFactor);
    }
    if (!(smoothingSigmaMm >= 0) || Double.isInfinite(smoothingSigmaMm)) {
      throw new IllegalArgumentException("smoothing sigma must be finite and at least 0 mm but was " + smoothingSigmaMm);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1 but were " + maxIterations);
    }
  }
}
