package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Binary morphology on a box mask, where every voxel outside the box counts as background.
 * Stateless and thread-safe.
 */
final class BoxMorphology {

  private BoxMorphology() {}

  /**
   * Returns the surface voxels: mask voxels with at least one of their six face neighbours outside
   * the mask or outside the box. This is the mask minus its erosion by the 6-connected structuring
   * element with background beyond the border, the definition used by medpy's surface distances.
   */
  static boolean[] surface(boolean[] mask, Dimensions box) {
    int nx = box.nx();
    int ny = box.ny();
    int nz = box.nz();
    int plane = nx * ny;
    boolean[] surface = new boolean[mask.length];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int i = x + nx * (y + ny * z);
          if (!mask[i]) {
            continue;
          }
          surface[i] = x == 0 || x == nx - 1 || y == 0 || y == ny - 1 || z == 0 || z == nz - 1
              || !mask[i - 1] || !mask[i + 1] || !mask[i - nx] || !mask[i + nx]
              || !mask[i - plane] || !mask[i + plane];
        }
      }
    }
    return surface;
  }

  /**
   * Dilates {@code mask} {@code iterations} times with the 18-connected structuring element (the
   * 3x3x3 cube without its eight corners, scipy's {@code generate_binary_structure(3, 2)}), never
   * growing beyond the box.
   */
  static boolean[] dilate18(boolean[] mask, Dimensions box, int iterations) {
    int nx = box.nx();
    int ny = box.ny();
    int nz = box.nz();
    boolean[] current = mask.clone();
    for (int iteration = 0; iteration < iterations; iteration++) {
      boolean[] next = current.clone();
      for (int z = 0; z < nz; z++) {
        for (int y = 0; y < ny; y++) {
          for (int x = 0; x < nx; x++) {
            if (!current[x + nx * (y + ny * z)]) {
              continue;
            }
            for (int dz = -1; dz <= 1; dz++) {
              int zz = z + dz;
              if (zz < 0 || zz >= nz) {
                continue;
              }
              for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= ny) {
                  continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                  int xx = x + dx;
                  if (xx < 0 || xx >= nx || (dx != 0 && dy != 0 && dz != 0)) {
                    continue;
                  }
                  next[xx + nx * (yy + ny * zz)] = true;
                }
              }
            }
          }
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * Labels the 26-connected components of {@code mask} 1..n in raster order of their first voxel;
   * background gets 0. Returns the label array; its component count is the maximum label.
   */
  static int[] components26(boolean[] mask, Dimensions box) {
    int nx = box.nx();
    int ny = box.ny();
    int nz = box.nz();
    int[] labels = new int[mask.length];
    int[] stack = new int[Math.max(16, mask.length / 8)];
    int next = 0;
    for (int seed = 0; seed < mask.length; seed++) {
      if (!mask[seed] || labels[seed] != 0) {
        continue;
      }
      next++;
      labels[seed] = next;
      int top = 0;
      stack[top++] = seed;
      while (top > 0) {
        int i = stack[--top];
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / (nx * ny);
        for (int dz = -1; dz <= 1; dz++) {
          int zz = z + dz;
          if (zz < 0 || zz >= nz) {
            continue;
          }
          for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= ny) {
              continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
              int xx = x + dx;
              if (xx < 0 || xx >= nx) {
                continue;
              }
              int j = xx + nx * (yy + ny * zz);
              if (mask[j] && labels[j] == 0) {
                labels[j] = next;
                if (top == stack.length) {
                  stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = j;
              }
            }
          }
        }
      }
    }
    return labels;
  }

  /** Returns the number of true voxels. */
  static int count(boolean[] mask) {
    int count = 0;
    for (boolean voxel : mask) {
      if (voxel) {
        count++;
      }
    }
    return count;
  }
}
