package io.github.bratsensemble.inference.brain;

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

    byte[] kept = LargestComponent.keep(mask, dims);

    byte[] expected = new byte[dims.voxelCount()];
    expected[dims.index(0, 0, 0)] = 1;
    expected[dims.index(1, 1, 1)] = 1;
    expected[dims.index(2, 2, 0)] = 1;
    assertArrayEquals(expected, kept);
  }

  @Test
  void emptyMaskStaysEmpty() {
    Dimensions dims = new Dimensions(2, 2, 2);

    assertArrayEquals(new byte[8], LargestComponent.keep(new byte[8], dims));
  }
}
