package io.github.bratsensemble.preprocessor.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class NormalizedMutualInformationTest {
  private static final Grid GRID = new Grid(new Dimensions(4, 1, 1), Affine.identity());
  private static final LabelVolume ALL = LabelVolume.wrap(GRID, new byte[] {1, 1, 1, 1});

  @Test
  void identicalImagesScoreTwo() {
    FloatVolume a = FloatVolume.wrap(GRID, new float[] {0, 1, 2, 3});
    assertEquals(2.0, NormalizedMutualInformation.of(a, a, ALL, 4), 1e-12);
  }

  @Test
  void independentImagesScoreOne() {
    // Every pair of the two binary images occurs once: H(A) = H(B) = ln 2, H(A, B) = 2 ln 2.
    FloatVolume a = FloatVolume.wrap(GRID, new float[] {0, 0, 1, 1});
    FloatVolume b = FloatVolume.wrap(GRID, new float[] {0, 1, 0, 1});
    assertEquals(1.0, NormalizedMutualInformation.of(a, b, ALL, 2), 1e-12);
  }

  @Test
  void maskLimitsVoxels() {
    FloatVolume a = FloatVolume.wrap(GRID, new float[] {0, 0, 1, 1});
    FloatVolume b = FloatVolume.wrap(GRID, new float[] {0, 1, 0, 1});
    LabelVolume diagonal = LabelVolume.wrap(GRID, new byte[] {1, 0, 0, 1});
    assertEquals(2.0, NormalizedMutualInformation.of(a, b, diagonal, 2), 1e-12);
  }

  @Test
  void emptyMaskRejected() {
    FloatVolume a = FloatVolume.wrap(GRID, new float[] {0, 1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NormalizedMutualInformation.of(a, a, LabelVolume.zeros(GRID), 4));
    assertEquals("mask is empty, so mutual information is undefined", e.getMessage());
  }
}
