package io.github.bratsensemble.fusionator.agreement;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Counts connected components of a set of voxels with 26-connectivity (voxels touching by a face,
 * edge or corner belong together). Works in the bounding box of the voxels with union-find, so the
 * cost follows the size of the set, not of the grid.
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * Returns the number of 26-connected components.
   *
   * @param flatIndices the voxels' flat grid indices in ascending (raster) order
   */
  public static int count(int[] flatIndices, Dimensions dims) {
    if (flatIndices.length == 0) {
      return 0;
    }
    int nx = dims.nx();
    int ny = dims.ny();
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int v : flatIndices) {
      int x = v % nx;
      int y = (v / nx) % ny;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    int minZ = flatIndices[0] / (nx * ny);
    int maxZ = flatIndices[flatIndices.length - 1] / (nx * ny);
    int bx = maxX - minX + 1;
    int by = maxY - minY + 1;
    int bz = maxZ - minZ + 1;

    // Provisional component id + 1 of each box voxel (0 = not in the set).
    int[] box = new int[Math.multiplyExact(Math.multiplyExact(bx, by), bz)];
    int[] parent = new int[flatIndices.length];
    int components = 0;
    for (int n = 0; n < flatIndices.length; n++) {
      int v = flatIndices[n];
      int x = v % nx - minX;
      int y = (v / nx) % ny - minY;
      int z = v / (nx * ny) - minZ;
      parent[n] = n;
      components++;
      // The 13 neighbours that precede this voxel in raster order.
      for (int dz = -1; dz <= 0; dz++) {
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if (dz == 0 && (dy > 0 || (dy == 0 && dx >= 0))) {
              continue;
            }
            int xx = x + dx;
            int yy = y + dy;
            int zz = z + dz;
            if (xx < 0 || yy < 0 || zz < 0 || xx >= bx || yy >= by) {
              continue;
            }
            int neighbour = box[xx + bx * (yy + by * zz)] - 1;
            if (neighbour >= 0 && union(parent, n, neighbour)) {
              components--;
            }
          }
        }
      }
      box[x + bx * (y + by * z)] = n + 1;
    }
    return components;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of a and b; returns whether they were separate. */
  private static boolean union(int[] parent, int a, int b) {
    int rootA = find(parent, a);
    int rootB = find(parent, b);
    if (rootA == rootB) {
      return false;
    }
    parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    return true;
  }
}
