package io.github.bratsensemble.imaging.morphology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static final Dimensions DIMS = new Dimensions(5, 5, 5);

  /** Two voxels touching at a corner, plus a separate bar of three voxels. */
  private static byte[] cornerPairAndBar() {
    byte[] mask = new byte[DIMS.voxelCount()];
    mask[DIMS.index(0, 0, 0)] = 1;
    mask[DIMS.index(1, 1, 1)] = 1;
    mask[DIMS.index(4, 0, 4)] = 1;
    mask[DIMS.index(4, 1, 4)] = 1;
    mask[DIMS.index(4, 2, 4)] = 1;
    return mask;
  }

  @Test
  void cornerNeighboursJoinWith26() {
    ConnectedComponents components = ConnectedComponents.label(cornerPairAndBar(), DIMS, Connectivity.FULL_26);

    assertEquals(2, components.count());
    assertEquals(2, components.size(1));
    assertEquals(3, components.size(2));
    assertEquals(2, components.largest());
  }

  @Test
  void cornerNeighboursSplitWith6() {
    ConnectedComponents components = ConnectedComponents.label(cornerPairAndBar(), DIMS, Connectivity.FACE_6);

    assertEquals(3, components.count());
    assertEquals(1, components.size(1));
    assertEquals(1, components.size(2));
    assertEquals(3, components.size(3));
  }

  @Test
  void keepAtLeastDropsSmallComponents() {
    byte[] kept = ConnectedComponents.label(cornerPairAndBar(), DIMS, Connectivity.FACE_6).keepAtLeast(2);

    assertEquals(3, BinaryMorphology.count(kept));
    assertEquals(0, kept[DIMS.index(0, 0, 0)]);
    assertEquals(1, kept[DIMS.index(4, 1, 4)]);
  }

  @Test
  void keepTouchingSelectsMarkedComponents() {
    byte[] marker = new byte[DIMS.voxelCount()];
    marker[DIMS.index(1, 1, 1)] = 1;

    byte[] kept = ConnectedComponents.label(cornerPairAndBar(), DIMS, Connectivity.FULL_26).keepTouching(marker);

    byte[] expected = new byte[DIMS.voxelCount()];
    expected[DIMS.index(0, 0, 0)] = 1;
    expected[DIMS.index(1, 1, 1)] = 1;
    assertArrayEquals(expected, kept);
  }

  @Test
  void emptyMaskHasNoComponents() {
    ConnectedComponents components = ConnectedComponents.label(new byte[DIMS.voxelCount()], DIMS, Connectivity.FULL_26);

    assertEquals(0, components.count());
    assertEquals(0, components.largest());
    assertEquals(0, BinaryMorphology.count(components.keepLargest()));
  }

  @Test
  void wrongMaskLengthIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConnectedComponents.label(new byte[10], DIMS, Connectivity.FULL_26));

    assertEquals("mask has 10 voxels but dimensions 5x5x5 have 125", e.getMessage());
  }
}
