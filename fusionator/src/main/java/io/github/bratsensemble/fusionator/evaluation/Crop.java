package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * A box of a grid that contains every foreground voxel of the masks being compared, widened by a
 * margin and clipped to the grid. Evaluation works on boolean arrays of the box only: a tumour
 * covers well under 1% of the BraTS grid.
 *
 * <p>Every voxel outside the box is background in every mask. With a margin of at least one voxel
 * this makes "outside the box" and "outside the grid" equivalent for erosion, and with a margin of
 * at least {@code k} voxels a {@code k}-iteration dilation never reaches the box faces except where
 * they are grid faces, so no result is lost by clipping.
 */
record Crop(Dimensions grid, int x0, int y0, int z0, Dimensions box) {

  /**
   * Returns the bounding box of the non-zero voxels of {@code labels} (any number of arrays over
   * {@code grid}), widened by {@code margin} and clipped to the grid, or {@code null} when every
   * voxel is zero.
   */
  static Crop around(Dimensions grid, int margin, byte[]... labels) {
    int nx = grid.nx();
    int ny = grid.ny();
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int minZ = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    int maxZ = -1;
    for (byte[] array : labels) {
      for (int i = 0; i < array.length; i++) {
        if (array[i] == 0) {
          continue;
        }
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / (nx * ny);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        minZ = Math.min(minZ, z);
        maxZ = Math.max(maxZ, z);
      }
    }
    if (maxX < 0) {
      return null;
    }
    int x0 = Math.max(0, minX - margin);
    int y0 = Math.max(0, minY - margin);
    int z0 = Math.max(0, minZ - margin);
    int x1 = Math.min(grid.nx() - 1, maxX + margin);
    int y1 = Math.min(grid.ny() - 1, maxY + margin);
    int z1 = Math.min(grid.nz() - 1, maxZ + margin);
    return new Crop(grid, x0, y0, z0, new Dimensions(x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1));
  }

  /** Returns the box mask of the voxels whose label (read unsigned) is in {@code members}. */
  boolean[] extract(byte[] labels, boolean[] members) {
    boolean[] mask = new boolean[box.voxelCount()];
    int k = 0;
    for (int z = 0; z < box.nz(); z++) {
      for (int y = 0; y < box.ny(); y++) {
        int row = grid.index(x0, y0 + y, z0 + z);
        for (int x = 0; x < box.nx(); x++) {
          mask[k++] = members[labels[row + x] & 0xFF];
        }
      }
    }
    return mask;
  }
}
