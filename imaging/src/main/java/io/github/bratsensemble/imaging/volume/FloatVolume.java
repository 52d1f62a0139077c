package io.github.bratsensemble.imaging.volume;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.geometry.Reorientation;

/**
 * An intensity image: one {@code float} per voxel on a grid, with any NIfTI scaling already
 * applied.
 *
 * <p>{@link #copyOf} copies the voxel array; {@link #wrap} and {@link #voxelArray()} share it for
 * hot loops, so code that uses them must not modify the array afterwards.
 */
public final class FloatVolume {
  private final Grid grid;
  private final float[] voxels;

  private FloatVolume(Grid grid, float[] voxels) {
    if (voxels.length != grid.voxelCount()) {
      throw new IllegalArgumentException(
          "voxel array has " + voxels.length + " values but grid " + grid.dimensions() + " has "
              + grid.voxelCount());
    }
    this.grid = grid;
    this.voxels = voxels;
  }

  public static FloatVolume copyOf(Grid grid, float[] voxels) {
    return new FloatVolume(grid, voxels.clone());
  }

  /** Wraps {@code voxels} without copying; the caller gives up the right to modify it. */
  public static FloatVolume wrap(Grid grid, float[] voxels) {
    return new FloatVolume(grid, voxels);
  }

  public static FloatVolume zeros(Grid grid) {
    return new FloatVolume(grid, new float[grid.voxelCount()]);
  }

  public Grid grid() {
    return grid;
  }

  public float value(int i) {
    return voxels[i];
  }

  public float value(int x, int y, int z) {
    return voxels[grid.dimensions().index(x, y, z)];
  }

  /** Returns the backing array without copying; do not modify it. */
  public float[] voxelArray() {
    return voxels;
  }

  public int voxelCount() {
    return voxels.length;
  }

  /**
   * Returns a copy with every voxel outside {@code mask} set to 0.
   *
   * @throws IllegalArgumentException if the mask has another voxel count
   */
  public FloatVolume masked(LabelVolume mask) {
    byte[] inside = mask.labelArray();
    if (inside.length != voxels.length) {
      throw new IllegalArgumentException("mask has " + inside.length + " voxels but the image has " + voxels.length);
    }
    float[] out = new float[voxels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = inside[i] != 0 ? voxels[i] : 0f;
    }
    return new FloatVolume(grid, out);
  }

  public FloatVolume withGrid(Grid newGrid) {
    return new FloatVolume(newGrid, voxels);
  }

  /** Returns this image stored in orientation {@code code} (e.g. "RAS"), exactly, without interpolation. */
  public FloatVolume reorient(String code) {
    Reorientation plan = Reorientation.of(grid, code);
    return plan.isIdentity() ? this : new FloatVolume(plan.target(), plan.apply(voxels));
  }

  /** Returns the smallest and largest finite values, or {@code [NaN, NaN]} if there are none. */
  public float[] range() {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : voxels) {
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    return min > max ? new float[] {Float.NaN, Float.NaN} : new float[] {min, max};
  }
}
