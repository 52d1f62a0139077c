package io.github.bratsensemble.preprocessor.deface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class FaceRegionTest {
  /** Returns a brain box spanning y 0..100 mm (anterior 100) and z 0..50 mm on a 1 mm grid. */
  private static LabelVolume brainBox() {
    Dimensions d = new Dimensions(3, 101, 51);
    byte[] m = new byte[d.voxelCount()];
    java.util.Arrays.fill(m, (byte) 1);
    return LabelVolume.wrap(new Grid(d, Affine.identity()), m);
  }

  @Test
  void regionLiesFrontBelow() {
    FaceRegion face = FaceRegion.fromBrainMask(brainBox());
    // The line runs from (y 100, z 30) to (y 50, z 0).
    assertTrue(face.contains(120, 10), "in front of and below the brain");
    assertTrue(face.contains(90, 15));
    assertFalse(face.contains(90, 25), "above the line");
    assertFalse(face.contains(120, 40), "in front of the forehead, above the line's front end");
    assertFalse(face.contains(40, -20), "behind the line's back end");
  }

  @Test
  void defacingKeepsBrainVoxels() {
    FaceRegion face = FaceRegion.fromBrainMask(brainBox());
    Grid grid = new Grid(new Dimensions(1, 3, 1), Affine.identity());
    FloatVolume image = FloatVolume.wrap(grid, new float[] {5, 6, 7});
    LabelVolume brain = LabelVolume.wrap(grid, new byte[] {0, 1, 0});
    // Voxel j maps to atlas (y, z) = (110, 20 j - 5): j 0 and 1 are in the face, j 2 is above it.
    Affine voxelToAtlas = Affine.ofRows(1, 0, 0, 0, 0, 0, 0, 110, 0, 20, 0, -5);
    float[] out = Defacing.deface(image, brain, voxelToAtlas, face).voxelArray();
    assertArrayEquals(new float[] {0, 6, 7}, out);
  }

  @Test
  void emptyMaskRejected() {
    LabelVolume empty = LabelVolume.zeros(new Grid(new Dimensions(2, 2, 2), Affine.identity()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceRegion.fromBrainMask(empty));
    assertEquals("atlas brain mask is empty, so the face cannot be located", e.getMessage());
  }
}
