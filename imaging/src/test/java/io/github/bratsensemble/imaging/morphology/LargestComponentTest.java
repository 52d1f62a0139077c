package io.github.bratsensemble.imaging.morphology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import org.junit.jupiter.api.Test;

class LargestComponentTest {

  @Test
  void keepsLargestDiagonalComponent() {
    Dimensions dims = new Dimensions(4, 4, 2);
    byte[] mask = new byte[dims.voxelCount()];
    // Component A: three voxels linked only through corners (26-connectivity).
    mask[dims.index(0, 0, 0)] = 1;
    mask[dims.index(1, 1, 1)] = 1;
    mask[dims.index(2, 2, 0)] = 1;
    // Component B: two voxels.
    mask[dims.index(0, 3, 0)] = 2;
    mask[dims.index(0, 3, 1)] = 2;

    byte[] kept = ConnectedComponents.label(mask, dims, Connectivity.FULL_26).keepLargest();

    byte[] expected = new byte[dims.voxelCount()];
    expected[dims.index(0, 0, 0)] = 1;
    expected[dims.index(1, 1, 1)] = 1;
    expected[dims.index(2, 2, 0)] = 1;
    assertArrayEquals(expected, kept);
  }

  @Test
  void emptyMaskStaysEmpty() {
    Dimensions dims = new Dimensions(2, 2, 2);

    assertArrayEquals(new byte[8], ConnectedComponents.label(new byte[8], dims, Connectivity.FULL_26).keepLargest());
  }
}
