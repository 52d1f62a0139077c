package io.github.bratsensemble.preprocessor.intensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class IntensityNormalizationTest {
  private static final Grid LINE = new Grid(new Dimensions(6, 1, 1), Affine.identity());
  private static final FloatVolume IMAGE = FloatVolume.wrap(LINE, new float[] {7, 2, 4, 6, 8, 100});
  private static final LabelVolume MASK = LabelVolume.wrap(LINE, new byte[] {0, 1, 1, 1, 1, 0});

  @Test
  void zscoreUsesBrainStatistics() {
    // Brain values 2, 4, 6, 8: mean 5, population standard deviation sqrt(5).
    float[] out = IntensityNormalization.apply(IMAGE, MASK, NormalizationMethod.ZSCORE).voxelArray();
    double sd = Math.sqrt(5);
    assertArrayEquals(new float[] {0, (float) (-3 / sd), (float) (-1 / sd), (float) (1 / sd), (float) (3 / sd), 0},
        out, 1e-6f);
  }

  @Test
  void percentileMapsToUnitRange() {
    // Sorted brain 2, 4, 6, 8: p0.5 = 2 + 0.015 * 2 = 2.03, p99.5 = 6 + 0.985 * 2 = 7.97.
    float[] out = IntensityNormalization.apply(IMAGE, MASK, NormalizationMethod.PERCENTILE).voxelArray();
    double low = 2.03;
    double high = 7.97;
    assertArrayEquals(new float[] {0, 0, (float) ((4 - low) / (high - low)), (float) ((6 - low) / (high - low)), 1, 0},
        out, 1e-6f);
  }

  @Test
  void noneReturnsSameImage() {
    assertSame(IMAGE, IntensityNormalization.apply(IMAGE, MASK, NormalizationMethod.NONE));
  }

  @Test
  void constantBrainRejected() {
    FloatVolume flat = FloatVolume.wrap(LINE, new float[] {1, 3, 3, 3, 3, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IntensityNormalization.apply(flat, MASK, NormalizationMethod.ZSCORE));
    assertEquals("brain intensities are constant, so they cannot be normalised", e.getMessage());
  }

  @Test
  void emptyMaskRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IntensityNormalization.apply(IMAGE, LabelVolume.zeros(LINE), NormalizationMethod.PERCENTILE));
    assertEquals("brain mask is empty, so intensities cannot be normalised", e.getMessage());
  }

  @Test
  void methodNamesParse() {
    assertEquals(NormalizationMethod.ZSCORE, NormalizationMethod.parse("ZScore"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormalizationMethod.parse("minmax"));
    assertEquals("unknown normalisation \"minmax\"; expected zscore, percentile or none", e.getMessage());
  }
}
