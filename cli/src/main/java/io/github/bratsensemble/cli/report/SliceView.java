package io.github.bratsensemble.cli.report;

import io.github.bratsensemble.imaging.geometry.Dimensions;

/**
 * The slices through one point of a grid stored in LAS orientation (voxel x towards the patient's
 * left, y anterior, z superior), and the mapping from display pixels to voxels.
 *
 * @param dimensions the LAS grid dimensions
 * @param spacingMm voxel spacing along x, y, z in mm
 * @param centre the voxel the three slices pass through
 */
record SliceView(Dimensions dimensions, double[] spacingMm, int[] centre) {

  /** Returns the width and height in pixels of a slice in {@code plane}. */
  int[] pixelSize(SliceRenderer.Plane plane) {
    return switch (plane) {
      case AXIAL -> new int[] {pixels(0), pixels(1)};
      case CORONAL -> new int[] {pixels(0), pixels(2)};
      case SAGITTAL -> new int[] {pixels(1), pixels(2)};
    };
  }

  private int pixels(int axis) {
    return Math.max(1, (int) Math.round(dimensions.size(axis) * spacingMm[axis] * SliceRenderer.PIXELS_PER_MM));
  }

  /** Returns the flat voxel index shown at pixel (column, row) of a slice of {@code size} pixels in {@code plane}. */
  int voxelAt(SliceRenderer.Plane plane, int[] size, int column, int row) {
    return switch (plane) {
      // Columns run along x (left of the patient to the right of the image), rows from anterior down.
      case AXIAL -> dimensions.index(scale(column, size[0], 0), flip(scale(row, size[1], 1), 1), centre[2]);
      case CORONAL -> dimensions.index(scale(column, size[0], 0), centre[1], flip(scale(row, size[1], 2), 2));
      // Columns run from anterior (left of the image) to posterior.
      case SAGITTAL -> dimensions.index(centre[0], flip(scale(column, size[0], 1), 1), flip(scale(row, size[1], 2), 2));
    };
  }

  private int scale(int pixel, int pixels, int axis) {
    int n = dimensions.size(axis);
    return Math.min(n - 1, (int) ((pixel + 0.5) * n / pixels));
  }

  private int flip(int voxel, int axis) {
    return dimensions.size(axis) - 1 - voxel;
  }
}
