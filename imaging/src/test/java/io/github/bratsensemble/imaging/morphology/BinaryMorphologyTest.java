package io.github.bratsensemble.imaging.morphology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import org.junit.jupiter.api.Test;

class BinaryMorphologyTest {
  private static final Dimensions DIMS = new Dimensions(9, 9, 9);

  private static byte[] singleVoxel() {
    byte[] mask = new byte[DIMS.voxelCount()];
    mask[DIMS.index(4, 4, 4)] = 1;
    return mask;
  }

  @Test
  void dilationGrowsDigitalBall() {
    assertEquals(7, BinaryMorphology.count(BinaryMorphology.dilate(singleVoxel(), DIMS, 1)));
    assertEquals(33, BinaryMorphology.count(BinaryMorphology.dilate(singleVoxel(), DIMS, 2)));
    assertEquals(1, BinaryMorphology.count(BinaryMorphology.dilate(singleVoxel(), DIMS, 0)));
  }

  @Test
  void erosionUndoesDilationOfBall() {
    byte[] ball = BinaryMorphology.dilate(singleVoxel(), DIMS, 2);

    assertArrayEquals(BinaryMorphology.dilate(singleVoxel(), DIMS, 1), BinaryMorphology.erode(ball, DIMS, 1));
  }

  @Test
  void erosionKeepsForegroundAtImageBorder() {
    byte[] full = new byte[DIMS.voxelCount()];
    java.util.Arrays.fill(full, (byte) 1);

    assertEquals(DIMS.voxelCount(), BinaryMorphology.count(BinaryMorphology.erode(full, DIMS, 2)));
  }

  @Test
  void openingRemovesThinLine() {
    byte[] mask = BinaryMorphology.dilate(singleVoxel(), DIMS, 2);
    for (int x = 0; x < 9; x++) {
      mask[DIMS.index(x, 0, 0)] = 1;
    }

    byte[] opened = BinaryMorphology.open(mask, DIMS, 1);

    assertEquals(0, opened[DIMS.index(4, 0, 0)]);
    assertEquals(1, opened[DIMS.index(4, 4, 4)]);
  }

  @Test
  void closingBridgesOneVoxelGap() {
    // A bar of 3x3 cross-section along x from 2 to 6, away from the image border, cut at x = 4.
    byte[] mask = new byte[DIMS.voxelCount()];
    for (int z = 3; z <= 5; z++) {
      for (int y = 3; y <= 5; y++) {
        for (int x = 2; x <= 6; x++) {
          if (x != 4) {
            mask[DIMS.index(x, y, z)] = 1;
          }
        }
      }
    }

    byte[] closed = BinaryMorphology.close(mask, DIMS, 1);

    // Only the centre of the cut has all six face neighbours in the dilation.
    assertEquals(1, closed[DIMS.index(4, 4, 4)]);
    assertEquals(0, closed[DIMS.index(4, 5, 4)]);
    assertEquals(37, BinaryMorphology.count(closed));
  }

  @Test
  void negativeRadiusIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryMorphology.dilate(singleVoxel(), DIMS, -1));

    assertEquals("radius must be at least 0 voxels but was -1", e.getMessage());
  }
}
