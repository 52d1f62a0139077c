package io.github.bratsensemble.imaging.morphology;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.ArrayList;
import java.util.List;

/**
 * Dilation, erosion, opening and closing of binary masks ({@code byte[]}, non-zero = foreground)
 * with a ball of radius {@code r} voxels: the offsets (dx, dy, dz) with dx² + dy² + dz² ≤ r².
 * Voxels outside the image are ignored, so erosion does not remove foreground merely because it
 * touches the border of the image. Results are new 0/1 arrays; stateless and thread-safe.
 */
public final class BinaryMorphology {
  private BinaryMorphology() {}

  /** Returns the dilation of {@code mask} by a ball of {@code radiusVoxels} (0 returns a 0/1 copy). */
  public static byte[] dilate(byte[] mask, Dimensions dimensions, int radiusVoxels) {
    ConnectedComponents.checkLength(mask, dimensions);
    int[][] ball = ball(radiusVoxels);
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    byte[] result = new byte[mask.length];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int i = x + nx * (y + ny * z);
          if (mask[i] == 0) {
            continue;
          }
          for (int[] o : ball) {
            int xx = x + o[0];
            int yy = y + o[1];
            int zz = z + o[2];
            if (xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz) {
              result[xx + nx * (yy + ny * zz)] = 1;
            }
          }
        }
      }
    }
    return result;
  }

  /** Returns the erosion of {@code mask} by a ball of {@code radiusVoxels}. */
  public static byte[] erode(byte[] mask, Dimensions dimensions, int radiusVoxels) {
    ConnectedComponents.checkLength(mask, dimensions);
    int[][] ball = ball(radiusVoxels);
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    byte[] result = new byte[mask.length];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int i = x + nx * (y + ny * z);
          if (mask[i] != 0 && ballInside(mask, ball, x, y, z, nx, ny, nz)) {
            result[i] = 1;
          }
        }
      }
    }
    return result;
  }

  private static boolean ballInside(byte[] mask, int[][] ball, int x, int y, int z, int nx, int ny, int nz) {
    for (int[] o : ball) {
      int xx = x + o[0];
      int yy = y + o[1];
      int zz = z + o[2];
      if (xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz && mask[xx + nx * (yy + ny * zz)] == 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the opening (erosion, then dilation): removes structures thinner than the ball. */
  public static byte[] open(byte[] mask, Dimensions dimensions, int radiusVoxels) {
    return and(dilate(erode(mask, dimensions, radiusVoxels), dimensions, radiusVoxels), mask);
  }

  /** Returns the closing (dilation, then erosion): bridges gaps narrower than the ball. */
  public static byte[] close(byte[] mask, Dimensions dimensions, int radiusVoxels) {
    return or(erode(dilate(mask, dimensions, radiusVoxels), dimensions, radiusVoxels), mask);
  }

  /** Returns the voxel-wise AND as a 0/1 array. */
  public static byte[] and(byte[] a, byte[] b) {
    byte[] result = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = a[i] != 0 && b[i] != 0 ? (byte) 1 : 0;
    }
    return result;
  }

  /** Returns the voxel-wise OR as a 0/1 array. */
  public static byte[] or(byte[] a, byte[] b) {
    byte[] result = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = a[i] != 0 || b[i] != 0 ? (byte) 1 : 0;
    }
    return result;
  }

  /** Returns {@code a AND NOT b} as a 0/1 array. */
  public static byte[] andNot(byte[] a, byte[] b) {
    byte[] result = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = a[i] != 0 && b[i] == 0 ? (byte) 1 : 0;
    }
    return result;
  }

  /** Returns the complement as a 0/1 array. */
  public static byte[] invert(byte[] mask) {
    byte[] result = new byte[mask.length];
    for (int i = 0; i < mask.length; i++) {
      result[i] = mask[i] == 0 ? (byte) 1 : 0;
    }
    return result;
  }

  /** Returns the number of non-zero voxels. */
  public static int count(byte[] mask) {
    int n = 0;
    for (byte b : mask) {
      if (b != 0) {
        n++;
      }
    }
    return n;
  }

  /** Returns the offsets of a digital ball of the given radius. */
  static int[][] ball(int radiusVoxels) {
    if (radiusVoxels < 0) {
      throw new IllegalArgumentException("radius must be at least 0 voxels but was " + radiusVoxels);
    }
    List<int[]> offsets = new ArrayList<>();
    int r2 = radiusVoxels * radiusVoxels;
    for (int dz = -radiusVoxels; dz <= radiusVoxels; dz++) {
      for (int dy = -radiusVoxels; dy <= radiusVoxels; dy++) {
        for (int dx = -radiusVoxels; dx <= radiusVoxels; dx++) {
          if (dx * dx + dy * dy + dz * dz <= r2) {
            offsets.add(new int[] {dx, dy, dz});
          }
        }
      }
    }
    return offsets.toArray(new int[0][]);
  }
}
