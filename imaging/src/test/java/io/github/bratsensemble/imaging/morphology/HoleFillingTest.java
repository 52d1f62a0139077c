package io.github.bratsensemble.imaging.morphology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import org.junit.jupiter.api.Test;

class HoleFillingTest {
  private static final Dimensions DIMS = new Dimensions(7, 7, 7);

  /** Returns a hollow 5x5x5 cube (x, y, z in 1..5) whose central 3x3x3 voxels are empty. */
  private static byte[] hollowCube() {
    byte[] mask = new byte[DIMS.voxelCount()];
    for (int z = 1; z <= 5; z++) {
      for (int y = 1; y <= 5; y++) {
        for (int x = 1; x <= 5; x++) {
          boolean inner = x >= 2 && x <= 4 && y >= 2 && y <= 4 && z >= 2 && z <= 4;
          if (!inner) {
            mask[DIMS.index(x, y, z)] = 1;
          }
        }
      }
    }
    return mask;
  }

  @Test
  void closedShellIsFilled() {
    byte[] filled = HoleFilling.fill3d(hollowCube(), DIMS);

    assertEquals(125, BinaryMorphology.count(filled));
    assertEquals(1, filled[DIMS.index(3, 3, 3)]);
  }

  @Test
  void openTubeIsFilledOnlyPerSlice() {
    // Remove the top and bottom faces: a square tube open along z.
    byte[] tube = hollowCube();
    for (int y = 2; y <= 4; y++) {
      for (int x = 2; x <= 4; x++) {
        tube[DIMS.index(x, y, 1)] = 0;
        tube[DIMS.index(x, y, 5)] = 0;
      }
    }

    byte[] filled3d = HoleFilling.fill3d(tube, DIMS);
    byte[] filledSlices = HoleFilling.fillAxialSlices(tube, DIMS);

    assertEquals(BinaryMorphology.count(tube), BinaryMorphology.count(filled3d));
    assertEquals(125, BinaryMorphology.count(filledSlices));
  }

  @Test
  void holeTouchingBorderStaysOpen() {
    // A ring in the slice z = 0 of a single-slice image whose hole reaches the x border.
    Dimensions slice = new Dimensions(5, 5, 1);
    byte[] ring = new byte[slice.voxelCount()];
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 5; x++) {
        boolean edge = x == 0 || y == 0 || x == 4 || y == 4;
        ring[slice.index(x, y, 0)] = edge ? (byte) 1 : 0;
      }
    }
    ring[slice.index(0, 2, 0)] = 0;

    assertEquals(15, BinaryMorphology.count(HoleFilling.fill3d(ring, slice)));
  }
}
