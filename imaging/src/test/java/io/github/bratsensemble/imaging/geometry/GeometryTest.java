package io.github.bratsensemble.imaging.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class GeometryTest {
  private static final Affine OBLIQUE = Affine.ofRows(0.9, -0.3, 0.1, 5, 0.3, 0.9, 0, -7, -0.1, 0.05, 2, 11);

  @Test
  void inverseUndoesAffine() {
    Affine roundTrip = OBLIQUE.compose(OBLIQUE.inverse());
    assertTrue(roundTrip.maxAbsDifference(Affine.identity()) < 1e-12, roundTrip.toString());
  }

  @Test
  void composeAppliesRightFirst() {
    Affine shift = Affine.translation(1, 2, 3);
    Affine scale = Affine.scaling(2, 2, 2, 0, 0, 0);
    assertArrayEquals(new double[] {2, 4, 6}, scale.compose(shift).apply(new double[] {0, 0, 0}));
    assertArrayEquals(new double[] {1, 2, 3}, shift.compose(scale).apply(new double[] {0, 0, 0}));
  }

  @Test
  void singularAffineCannotBeInverted() {
    Affine flat = Affine.scaling(1, 1, 0, 0, 0, 0);
    IllegalStateException e = assertThrows(IllegalStateException.class, flat::inverse);
    assertEquals("affine is singular (determinant 0.0): [1 0 0 0; 0 1 0 0; 0 0 0 0]", e.getMessage());
  }

  @Test
  void orientationCodesOfCommonAffines() {
    assertEquals("RAS", Orientation.code(Affine.identity()));
    assertEquals("LPS", Grid.BRATS.orientationCode());
    assertEquals("LAS", Orientation.code(Affine.scaling(-0.47, 0.47, 5, 0, 0, 0)));
    assertEquals("RAS", Orientation.code(OBLIQUE));
    assertEquals("ASR", Orientation.code(Affine.ofRows(0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0)));
  }

  @Test
  void invalidOrientationCodeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Orientation.parse("RLS"));
    assertEquals("orientation code must use one of R/L, A/P and S/I each once but was RLS", e.getMessage());
  }

  @Test
  void reorientationKeepsWorldPositions() {
    Grid lps = new Grid(new Dimensions(3, 4, 2), Affine.ofRows(-1, 0, 0, 10, 0, -2, 0, 20, 0, 0, 3, -5));
    byte[] labels = new byte[lps.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) i;
    }
    LabelVolume original = LabelVolume.wrap(lps, labels);
    LabelVolume ras = original.reorient("RAS");

    assertEquals("RAS", ras.grid().orientationCode());
    Dimensions d = lps.dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          double[] world = lps.affine().apply(new double[] {x, y, z});
          double[] index = ras.grid().affine().inverse().apply(world);
          int label = ras.label((int) Math.round(index[0]), (int) Math.round(index[1]), (int) Math.round(index[2]));
          assertEquals(original.label(x, y, z), label, "voxel (" + x + ", " + y + ", " + z + ")");
        }
      }
    }
    assertArrayEquals(labels, ras.reorient("LPS").labelArray());
  }

  @Test
  void permutedAxesAreReordered() {
    Grid asr = new Grid(new Dimensions(2, 3, 4), Affine.ofRows(0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0));
    Reorientation plan = Reorientation.of(asr, "RAS");
    assertEquals(new Dimensions(4, 2, 3), plan.target().dimensions());
    assertTrue(plan.target().affine().maxAbsDifference(Affine.identity()) < 1e-12, plan.target().affine().toString());
  }

  @Test
  void gridMatchingUsesTolerance() {
    Grid shifted = new Grid(Grid.BRATS.dimensions(), Grid.BRATS.affine().compose(Affine.translation(0.0005, 0, 0)));
    assertTrue(Grid.BRATS.matches(shifted, Grid.DEFAULT_TOLERANCE_MM));
    assertEquals("", Grid.BRATS.describeDifference(shifted, Grid.DEFAULT_TOLERANCE_MM));
    Grid other = new Grid(new Dimensions(240, 240, 154), Grid.BRATS.affine());
    assertEquals("dimensions 240x240x155 vs 240x240x154", Grid.BRATS.describeDifference(other, 1e-3));
  }
}
