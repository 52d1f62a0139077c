package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.resample.Downsampling;
import io.github.bratsensemble.imaging.resample.GaussianSmoothing;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.util.Arrays;

/**
 * Builds the image of one pyramid level: block averaging to the level's voxel size, then Gaussian
 * smoothing with a physical sigma. Per axis the block factor is the integer closest to {@code
 * levelSpacingMm / spacing}, at least 1, so anisotropic images are shrunk only along their fine
 * axes.
 */
final class PyramidImages {
  private PyramidImages() {}

  static FloatVolume level(FloatVolume image, double levelSpacingMm, double sigmaMm, int threads) {
    double[] spacing = image.grid().spacingMm();
    int[] factors = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      factors[axis] = Math.max(1, (int) Math.round(levelSpacingMm / spacing[axis]));
    }
    FloatVolume shrunk = Arrays.equals(factors, new int[] {1, 1, 1}) ? image : Downsampling.blockAverage(image, factors);
    return sigmaMm > 0 ? GaussianSmoothing.smooth(shrunk, sigmaMm, threads) : shrunk;
  }

  /** Returns the smallest voxel spacing of an image in mm. */
  static double minSpacingMm(FloatVolume image) {
    double[] spacing = image.grid().spacingMm();
    return Math.min(spacing[0], Math.min(spacing[1], spacing[2]));
  }
}
