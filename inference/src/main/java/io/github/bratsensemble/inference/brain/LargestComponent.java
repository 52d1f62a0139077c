package io.github.bratsensemble.inference.brain;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/** Keeps the largest 26-connected component of the non-zero voxels of a mask. */
public final class LargestComponent {
  private LargestComponent() {}

  /**
   * Returns a 0/1 mask of the largest 26-connected component of the non-zero voxels; on a tie the
   * component found first in memory order wins. An empty mask stays empty.
   */
  public static byte[] keep(byte[] mask, Dimensions dims) {
    int nx = dims.nx();
    int ny = dims.ny();
    int nz = dims.nz();
    int[] component = new int[mask.length];
    int[] queue = new int[mask.length];
    int bestId = 0;
    int bestSize = 0;
    int nextId = 0;

    // Breadth-first flood fill from every unlabelled mask voxel.
    for (int seed = 0; seed < mask.length; seed++) {
      if (mask[seed] == 0 || component[seed] != 0) {
        continue;
      }
      int id = ++nextId;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      component[seed] = id;
      while (head < tail) {
        int v = queue[head++];
        int x = v % nx;
        int y = (v / nx) % ny;
        int z = v / (nx * ny);
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
            int row = nx * (yy + ny * zz);
            for (int dx = -1; dx <= 1; dx++) {
              int xx = x + dx;
              if (xx < 0 || xx >= nx) {
                continue;
              }
              int n = row + xx;
              if (mask[n] != 0 && component[n] == 0) {
                component[n] = id;
                queue[tail++] = n;
              }
            }
          }
        }
      }
      if (tail > bestSize) {
        bestSize = tail;
        bestId = id;
      }
    }

    byte[] out = new byte[mask.length];
    if (bestId == 0) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      if (component[i] == bestId) {
        out[i] = 1;
      }
    }
    return out;
  }
}
