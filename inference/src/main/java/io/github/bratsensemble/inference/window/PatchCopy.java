package io.github.bratsensemble.inference.window;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.nio.FloatBuffer;

/** Copies patches out of volumes, with zero padding beyond the border and optional mirroring. */
final class PatchCopy {
  private PatchCopy() {}

  /**
   * Appends one patch of {@code channel} starting at {@code tile} (x, y, z) to {@code out}, x fastest.
   * With {@code flips[axis] == 1} the patch is mirrored along that axis within the patch.
   */
  static void extract(float[] channel, Dimensions dims, int[] tile, int[] patch, int[] flips, FloatBuffer out) {
    int nx = dims.nx();
    int ny = dims.ny();
    int nz = dims.nz();
    float[] row = new float[patch[0]];
    for (int lz = 0; lz < patch[2]; lz++) {
      int z = tile[2] + (flips[2] == 1 ? patch[2] - 1 - lz : lz);
      for (int ly = 0; ly < patch[1]; ly++) {
        int y = tile[1] + (flips[1] == 1 ? patch[1] - 1 - ly : ly);
        java.util.Arrays.fill(row, 0f);
        if (z < nz && y < ny) {
          int base = nx * (y + ny * z);
          for (int lx = 0; lx < patch[0]; lx++) {
            int x = tile[0] + (flips[0] == 1 ? patch[0] - 1 - lx : lx);
            if (x < nx) {
              row[lx] = channel[base + x];
            }
          }
        }
        out.put(row);
      }
    }
  }
}
