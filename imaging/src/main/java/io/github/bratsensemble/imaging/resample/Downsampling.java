package io.github.bratsensemble.imaging.resample;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;

/**
 * Shrinks an image by integer factors per axis, averaging each block of voxels. The output voxel
 * centre is the centre of its block, so world positions are preserved exactly; voxels beyond the
 * last whole block on an axis are dropped. Averaging is itself a low-pass filter, which makes it a
 * cheap first step of an image pyramid.
 */
public final class Downsampling {
  private Downsampling() {}

  /**
   * Returns the block average of {@code image}; a factor larger than the axis is reduced to the
   * axis length.
   *
   * @throws IllegalArgumentException if a factor is below 1
   */
  public static FloatVolume blockAverage(FloatVolume image, int[] factors) {
    Dimensions d = image.grid().dimensions();
    int[] f = new int[3];
    int[] n = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      if (factors[axis] < 1) {
        throw new IllegalArgumentException("shrink factor must be at least 1 but was " + factors[axis]);
      }
      f[axis] = Math.min(factors[axis], d.size(axis));
      n[axis] = d.size(axis) / f[axis];
    }
    if (f[0] == 1 && f[1] == 1 && f[2] == 1) {
      return image;
    }
    Affine blockToVoxel = Affine.scaling(f[0], f[1], f[2], (f[0] - 1) / 2.0, (f[1] - 1) / 2.0, (f[2] - 1) / 2.0);
    Grid grid = new Grid(new Dimensions(n[0], n[1], n[2]), image.grid().affine().compose(blockToVoxel));
    float[] in = image.voxelArray();
    float[] out = new float[grid.voxelCount()];
    double scale = 1.0 / (f[0] * f[1] * f[2]);
    Slabs.run(n[2], Slabs.defaultThreads(), (zStart, zEnd) -> {
      for (int z = zStart; z < zEnd; z++) {
        for (int y = 0; y < n[1]; y++) {
          for (int x = 0; x < n[0]; x++) {
            double sum = 0;
            for (int dz = 0; dz < f[2]; dz++) {
              for (int dy = 0; dy < f[1]; dy++) {
                int row = d.index(x * f[0], y * f[1] + dy, z * f[2] + dz);
                for (int dx = 0; dx < f[0]; dx++) {
                  sum += in[row + dx];
                }
              }
            }
            out[x + n[0] * (y + n[1] * z)] = (float) (sum * scale);
          }
        }
      }
    });
    return FloatVolume.wrap(grid, out);
  }
}
