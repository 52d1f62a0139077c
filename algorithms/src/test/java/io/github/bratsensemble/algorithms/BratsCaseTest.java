package io.github.bratsensemble.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class BratsCaseTest {
  private static final Grid GRID = new Grid(new Dimensions(2, 2, 1), Affine.identity());

  private static FloatVolume image(float... values) {
    return FloatVolume.copyOf(GRID, values);
  }

  @Test
  void missingSequencesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BratsCase.of(image(1, 1, 1, 1), null, image(1, 1, 1, 1), null));

    assertEquals("missing sequence(s): T1c, FLAIR; T1, T1c, T2 and FLAIR are all required", e.getMessage());
  }

  @Test
  void differentGridIsRejected() {
    Grid shifted = new Grid(GRID.dimensions(), Affine.translation(0, 0, 2));
    FloatVolume moved = FloatVolume.copyOf(shifted, new float[4]);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BratsCase.of(image(1, 1, 1, 1), image(1, 1, 1, 1), moved, image(1, 1, 1, 1)));

    assertEquals("T2 is not on the grid of T1: affine [1 0 0 0; 0 1 0 0; 0 0 1 0] vs [1 0 0 0; 0 1 0 0; 0 0 1 2]"
        + " (max difference 2.0 mm, tolerance 0.001 mm); co-register and resample all sequences onto one grid first",
        e.getMessage());
  }

  @Test
  void maskOnOtherGridIsRejected() {
    LabelVolume mask = LabelVolume.zeros(new Grid(new Dimensions(2, 2, 2), Affine.identity()));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BratsCase(image(1, 1, 1, 1), image(1, 1, 1, 1), image(1, 1, 1, 1), image(1, 1, 1, 1), mask));

    assertEquals("brain mask is not on the grid of T1: dimensions 2x2x1 vs 2x2x2", e.getMessage());
  }

  @Test
  void defaultBrainNeedsAllSequencesPositive() {
    BratsCase input = BratsCase.of(image(1, 0, 1, 1), image(1, 1, 0, 1), image(1, 1, 1, 1), image(1, 1, 1, 0));

    assertArrayEquals(new byte[] {1, 0, 0, 0}, input.brainVoxels());
  }

  @Test
  void givenMaskOverridesIntensities() {
    LabelVolume mask = LabelVolume.copyOf(GRID, new byte[] {0, 7, 0, (byte) 200});
    BratsCase input = new BratsCase(image(1, 1, 1, 1), image(1, 1, 1, 1), image(1, 1, 1, 1), image(0, 0, 0, 0), mask);

    assertArrayEquals(new byte[] {0, 1, 0, 1}, input.brainVoxels());
  }
}
