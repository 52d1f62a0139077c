package io.github.bratsensemble.imaging.geometry;

/**
 * The size of a 3-D voxel grid. Voxels are stored with x fastest, then y, then z, as in NIfTI, so
 * the flat index of (x, y, z) is {@code x + nx * (y + ny * z)}. The voxel count must fit in an
 * {@code int} because volumes are backed by single Java arrays.
 */
public record Dimensions(int nx, int ny, int nz) {

  public Dimensions {
    if (nx < 1 || ny < 1 || nz < 1) {
      throw new IllegalArgumentException("dimensions must be positive but were " + nx + "x" + ny + "x" + nz);
    }
    if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "volume of " + nx + "x" + ny + "x" + nz + " voxels exceeds the 2^31 voxel limit of one array");
    }
  }

  public int voxelCount() {
    return nx * ny * nz;
  }

  public int index(int x, int y, int z) {
    return x + nx * (y + ny * z);
  }

  /** Returns the size along axis 0, 1 or 2. */
  public int size(int axis) {
    return switch (axis) {
      case 0 -> nx;
      case 1 -> ny;
      case 2 -> nz;
      default -> throw new IllegalArgumentException("axis must be 0, 1 or 2 but was " + axis);
    };
  }

  public int[] toArray() {
    return new int[] {nx, ny, nz};
  }

  @Override
  public String toString() {
    return nx + "x" + ny + "x" + nz;
  }
}
