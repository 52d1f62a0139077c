package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Distance between two transforms over a region: for every non-zero voxel of a mask on the fixed
 * side, the distance in mm between the points the two transforms map its centre to.
 *
 * @param meanMm mean distance over the mask voxels
 * @param maxMm largest distance
 * @param voxels mask voxels compared
 */
public record TransformDistance(double meanMm, double maxMm, long voxels) {

  /**
   * Compares {@code a} and {@code b} over the non-zero voxels of {@code fixedMask}.
   *
   * @throws IllegalArgumentException if the mask has no non-zero voxel
   */
  public static TransformDistance overMask(AffineTransform a, AffineTransform b, LabelVolume fixedMask) {
    Dimensions d = fixedMask.grid().dimensions();
    Affine grid = fixedMask.grid().affine();
    double sum = 0;
    double max = 0;
    long count = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          if (fixedMask.label(x, y, z) == 0) {
            continue;
          }
          double distance = a.displacementMm(b, grid.apply(new double[] {x, y, z}));
          sum += distance;
          max = Math.max(max, distance);
          count++;
        }
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("the mask has no non-zero voxel to compare the transforms over");
    }
    return new TransformDistance(sum / count, max, count);
  }
}
