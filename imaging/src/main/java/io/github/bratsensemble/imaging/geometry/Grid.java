package io.github.bratsensemble.imaging.geometry;

/**
 * A voxel grid in world space: its dimensions and the affine from voxel indices to RAS+ world
 * coordinates in millimetres.
 */
public record Grid(Dimensions dimensions, Affine affine) {

  /** Tolerance in mm used when two label maps must share a grid. */
  public static final double DEFAULT_TOLERANCE_MM = 1e-3;

  /** The BraTS grid: 240x240x155, 1 mm, affine rows (-1,0,0,0), (0,-1,0,239), (0,0,1,0). */
  public static final Grid BRATS = new Grid(
      new Dimensions(240, 240, 155), Affine.ofRows(-1, 0, 0, 0, 0, -1, 0, 239, 0, 0, 1, 0));

  public Grid {
    if (dimensions == null || affine == null) {
      throw new IllegalArgumentException("dimensions and affine are required");
    }
  }

  public int voxelCount() {
    return dimensions.voxelCount();
  }

  /** Returns the voxel spacing in mm along each voxel axis (the column norms of the affine). */
  public double[] spacingMm() {
    return new double[] {affine.columnNorm(0), affine.columnNorm(1), affine.columnNorm(2)};
  }

  /** Returns the volume of one voxel in millilitres. */
  public double voxelVolumeMl() {
    return Math.abs(affine.determinant()) / 1000.0;
  }

  /** Returns the orientation code, such as {@code "RAS"} or {@code "LPS"}. */
  public String orientationCode() {
    return Orientation.code(affine);
  }

  /**
   * Returns whether both grids have the same dimensions and their affines agree within {@code
   * toleranceMm} in every element.
   */
  public boolean matches(Grid other, double toleranceMm) {
    return dimensions.equals(other.dimensions) && affine.maxAbsDifference(other.affine) <= toleranceMm;
  }

  /**
   * Describes how this grid differs from another, for error messages; returns an empty string if
   * they match within {@code toleranceMm}.
   */
  public String describeDifference(Grid other, double toleranceMm) {
    if (!dimensions.equals(other.dimensions)) {
      return "dimensions " + dimensions + " vs " + other.dimensions;
    }
    double diff = affine.maxAbsDifference(other.affine);
    if (diff > toleranceMm) {
      return "affine " + affine + " vs " + other.affine + " (max difference " + diff + " mm, tolerance "
          + toleranceMm + " mm)";
    }
    return "";
  }

  /** Returns the world coordinates of the grid centre. */
  public double[] centerWorld() {
    return affine.apply(new double[] {
        (dimensions.nx() - 1) / 2.0, (dimensions.ny() - 1) / 2.0, (dimensions.nz() - 1) / 2.0});
  }
}
