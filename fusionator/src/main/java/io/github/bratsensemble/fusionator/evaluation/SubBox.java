package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * An inclusive box of voxels inside a larger box, used to work on one lesion without touching the
 * rest of the crop. Mutable while bounds are collected, then used read-only.
 */
final class SubBox {
  int x0 = Integer.MAX_VALUE;
  int y0 = Integer.MAX_VALUE;
  int z0 = Integer.MAX_VALUE;
  int x1 = -1;
  int y1 = -1;
  int z1 = -1;

  /** Grows the box to contain voxel (x, y, z). */
  void include(int x, int y, int z) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    z0 = Math.min(z0, z);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
    z1 = Math.max(z1, z);
  }

  /** Grows the box to contain {@code other}. */
  void include(SubBox other) {
    if (other.x1 >= 0) {
      include(other.x0, other.y0, other.z0);
      include(other.x1, other.y1, other.z1);
    }
  }

  /** Returns this box widened by {@code margin} voxels on every side and clipped to {@code outer}. */
  SubBox expanded(int margin, Dimensions outer) {
    SubBox box = new SubBox();
    box.x0 = Math.max(0, x0 - margin);
    box.y0 = Math.max(0, y0 - margin);
    box.z0 = Math.max(0, z0 - margin);
    box.x1 = Math.min(outer.nx() - 1, x1 + margin);
    box.y1 = Math.min(outer.ny() - 1, y1 + margin);
    box.z1 = Math.min(outer.nz() - 1, z1 + margin);
    return box;
  }

  Dimensions dimensions() {
    return new Dimensions(x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1);
  }

  /** Returns the flat index in {@code outer} of voxel {@code k} of this box, in raster order. */
  int outerIndex(int k, Dimensions outer) {
    int nx = x1 - x0 + 1;
    int ny = y1 - y0 + 1;
    int x = k % nx;
    int y = (k / nx) % ny;
    int z = k / (nx * ny);
    return outer.index(x0 + x, y0 + y, z0 + z);
  }
}
