package io.github.bratsensemble.imaging.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import org.junit.jupiter.api.Test;

class MaskedVolumeTest {
  private static final Grid GRID = new Grid(new Dimensions(4, 1, 1), Affine.identity());
  private static final LabelVolume MASK = LabelVolume.copyOf(GRID, new byte[] {0, 1, 0, 2});

  @Test
  void imageOutsideMaskBecomesZero() {
    FloatVolume image = FloatVolume.copyOf(GRID, new float[] {5, 6, 7, 8});

    FloatVolume masked = image.masked(MASK);

    assertArrayEquals(new float[] {0, 6, 0, 8}, masked.voxelArray());
    assertArrayEquals(new float[] {5, 6, 7, 8}, image.voxelArray(), "the input is unchanged");
  }

  @Test
  void labelsOutsideMaskBecomeZero() {
    LabelVolume labels = LabelVolume.copyOf(GRID, new byte[] {1, 2, 3, 4});

    LabelVolume masked = labels.masked(MASK);

    assertArrayEquals(new byte[] {0, 2, 0, 4}, masked.labelArray());
    assertArrayEquals(new byte[] {1, 2, 3, 4}, labels.labelArray(), "the input is unchanged");
  }

  @Test
  void maskOfOtherSizeIsRejected() {
    LabelVolume small = LabelVolume.zeros(new Grid(new Dimensions(2, 1, 1), Affine.identity()));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FloatVolume.zeros(GRID).masked(small));

    assertEquals("mask has 2 voxels but the image has 4", e.getMessage());
  }
}
