package io.github.bratsensemble.imaging.volume;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.geometry.Reorientation;

/**
 * A label map: one unsigned byte (0..255) per voxel on a grid. Label 0 is background.
 *
 * <p>{@link #copyOf} copies the voxel array; {@link #wrap} and {@link #labelArray()} share it for
 * hot loops, so code that uses them must not modify the array afterwards. Instances are
 * thread-safe as long as nobody writes to a shared array.
 */
public final class LabelVolume {
  private final Grid grid;
  private final byte[] labels;

  private LabelVolume(Grid grid, byte[] labels) {
    if (labels.length != grid.voxelCount()) {
      throw new IllegalArgumentException(
          "label array has " + labels.length + " voxels but grid " + grid.dimensions() + " has "
              + grid.voxelCount());
    }
    this.grid = grid;
    this.labels = labels;
  }

  public static LabelVolume copyOf(Grid grid, byte[] labels) {
    return new LabelVolume(grid, labels.clone());
  }

  /** Wraps {@code labels} without copying; the caller gives up the right to modify it. */
  public static LabelVolume wrap(Grid grid, byte[] labels) {
    return new LabelVolume(grid, labels);
  }

  public static LabelVolume zeros(Grid grid) {
    return new LabelVolume(grid, new byte[grid.voxelCount()]);
  }

  public Grid grid() {
    return grid;
  }

  /** Returns the label at flat index {@code i}, 0..255. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  public int label(int x, int y, int z) {
    return labels[grid.dimensions().index(x, y, z)] & 0xFF;
  }

  /** Returns the backing array without copying; read it as unsigned and do not modify it. */
  public byte[] labelArray() {
    return labels;
  }

  public int voxelCount() {
    return labels.length;
  }

  /**
   * Returns a copy with every voxel outside {@code mask} set to label 0.
   *
   * @throws IllegalArgumentException if the mask has another voxel count
   */
  public LabelVolume masked(LabelVolume mask) {
    byte[] inside = mask.labelArray();
    if (inside.length != labels.length) {
      throw new IllegalArgumentException("mask has " + inside.length + " voxels but the label map has " + labels.length);
    }
    byte[] out = new byte[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = inside[i] != 0 ? labels[i] : 0;
    }
    return new LabelVolume(grid, out);
  }

  /** Returns the number of voxels carrying each label, indexed by label 0..255. */
  public long[] histogram() {
    long[] counts = new long[256];
    for (byte b : labels) {
      counts[b & 0xFF]++;
    }
    return counts;
  }

  /** Returns the distinct labels present, in ascending order. */
  public int[] distinctLabels() {
    long[] counts = histogram();
    int n = 0;
    for (long c : counts) {
      if (c > 0) {
        n++;
      }
    }
    int[] result = new int[n];
    int k = 0;
    for (int label = 0; label < 256; label++) {
      if (counts[label] > 0) {
        result[k++] = label;
      }
    }
    return result;
  }

  /** Returns the same labels on the same grid with a different affine (for example a repaired header). */
  public LabelVolume withGrid(Grid newGrid) {
    return new LabelVolume(newGrid, labels);
  }

  /** Returns this label map stored in orientation {@code code} (e.g. "RAS"), exactly, without interpolation. */
  public LabelVolume reorient(String code) {
    Reorientation plan = Reorientation.of(grid, code);
    return plan.isIdentity() ? this : new LabelVolume(plan.target(), plan.apply(labels));
  }
}
