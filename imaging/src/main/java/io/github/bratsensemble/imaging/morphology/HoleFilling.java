package io.github.bratsensemble.imaging.morphology;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * Fills holes in a binary mask: background voxels that cannot reach the border of the image
 * through background. Background connectivity is 6 (faces), the usual dual of a 26-connected
 * foreground. Stateless and thread-safe.
 */
public final class HoleFilling {
  private HoleFilling() {}

  /** Returns a 0/1 mask with every 3-D hole of {@code mask} filled. */
  public static byte[] fill3d(byte[] mask, Dimensions dimensions) {
    ConnectedComponents.checkLength(mask, dimensions);
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    byte[] outside = new byte[mask.length];
    int[] queue = new int[mask.length];
    int tail = 0;

    // Seed the flood with every background voxel on the six faces of the volume.
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          // An axis of size 1 (a single slice) has no border of its own.
          boolean border = (nx > 1 && (x == 0 || x == nx - 1))
              || (ny > 1 && (y == 0 || y == ny - 1))
              || (nz > 1 && (z == 0 || z == nz - 1));
          int i = x + nx * (y + ny * z);
          if (border && mask[i] == 0) {
            outside[i] = 1;
            queue[tail++] = i;
          }
        }
      }
    }
    flood(mask, outside, queue, tail, nx, ny, nz);

    byte[] result = new byte[mask.length];
    for (int i = 0; i < mask.length; i++) {
      result[i] = outside[i] == 0 ? (byte) 1 : 0;
    }
    return result;
  }

  /**
   * Returns a 0/1 mask with the 2-D holes of every axial slice (constant z) filled, using
   * 4-connected background within the slice. This closes a ring that is open above or below, which
   * {@link #fill3d} leaves unfilled.
   */
  public static byte[] fillAxialSlices(byte[] mask, Dimensions dimensions) {
    ConnectedComponents.checkLength(mask, dimensions);
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int sliceSize = nx * ny;
    byte[] result = new byte[mask.length];
    byte[] slice = new byte[sliceSize];
    for (int z = 0; z < dimensions.nz(); z++) {
      System.arraycopy(mask, z * sliceSize, slice, 0, sliceSize);
      byte[] filled = fill3d(slice, new Dimensions(nx, ny, 1));
      System.arraycopy(filled, 0, result, z * sliceSize, sliceSize);
    }
    return result;
  }

  private static void flood(byte[] mask, byte[] outside, int[] queue, int tail, int nx, int ny, int nz) {
    int head = 0;
    int sliceSize = nx * ny;
    while (head < tail) {
      int i = queue[head++];
      int x = i % nx;
      int y = (i / nx) % ny;
      int z = i / sliceSize;
      if (x > 0) {
        tail = visit(i - 1, mask, outside, queue, tail);
      }
      if (x < nx - 1) {
        tail = visit(i + 1, mask, outside, queue, tail);
      }
      if (y > 0) {
        tail = visit(i - nx, mask, outside, queue, tail);
      }
      if (y < ny - 1) {
        tail = visit(i + nx, mask, outside, queue, tail);
      }
      if (z > 0) {
        tail = visit(i - sliceSize, mask, outside, queue, tail);
      }
      if (z < nz - 1) {
        tail = visit(i + sliceSize, mask, outside, queue, tail);
      }
    }
  }

  private static int visit(int i, byte[] mask, byte[] outside, int[] queue, int tail) {
    if (mask[i] == 0 && outside[i] == 0) {
      outside[i] = 1;
      queue[tail++] = i;
    }
    return tail;
  }
}
