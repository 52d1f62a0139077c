package io.github.bratsensemble.algorithms.growing;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Seeded region growing with two thresholds (hysteresis): the region is every voxel allowed by
 * {@code grow} that is 26-connected, through allowed voxels, to a voxel of {@code seeds}. Seeds
 * outside {@code grow} are ignored. Stateless and thread-safe.
 */
public final class HysteresisGrowing {
  private HysteresisGrowing() {}

  /** Returns the 0/1 region grown from {@code seeds} through {@code grow}. */
  public static byte[] grow(byte[] seeds, byte[] grow, Dimensions dimensions) {
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    byte[] region = new byte[grow.length];
    int[] queue = new int[grow.length];
    int tail = 0;
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i] != 0 && grow[i] != 0) {
        region[i] = 1;
        queue[tail++] = i;
      }
    }
    int head = 0;
    while (head < tail) {
      int i = queue[head++];
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
            if (grow[j] != 0 && region[j] == 0) {
              region[j] = 1;
              queue[tail++] = j;
            }
          }
        }
      }
    }
    return region;
  }
}
