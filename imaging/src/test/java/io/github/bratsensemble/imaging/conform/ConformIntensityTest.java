package io.github.bratsensemble.imaging.conform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConformIntensityTest {

  @Test
  void uint8RangeClipsTopPermille() {
    // 0..1999 once each: 1999 non-zero voxels, so the top floor(0.001 * 1999) = 1 is clipped and
    // the upper limit is the edge of the bin that contains the 1999th value.
    float[] values = new float[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }

    float[] scaled = ConformIntensity.toUint8Range(values);

    double binSize = 1999.0 / 1000;
    double upper = 998 * binSize;
    assertEquals(0f, scaled[0]);
    assertEquals((float) Math.floor(1000 * 255 / upper), scaled[1000]);
    assertEquals(255f, scaled[1999]);
    for (float v : scaled) {
      assertEquals(Math.rint(v), v, "values are integers");
    }
  }

  @Test
  void uint8RangeOfConstantIsZero() {
    assertArrayEquals(new float[] {0, 0, 0}, ConformIntensity.toUint8Range(new float[] {5, 5, 5}));
  }

  @Test
  void minMaxToUnitScalesEnds() {
    float[] values = {10, 20, 30};

    ConformIntensity.minMaxToUnit(values);

    assertArrayEquals(new float[] {0, 0.5f, 1}, values);
  }

  @Test
  void quantileToUnitUsesBrainchopRanks() {
    // 20 values 0..19: q05 is rank floor(20 * 0.05) = 1 (value 1), q95 rank ceil(19) - 1 = 18 (value 18).
    float[] values = new float[20];
    for (int i = 0; i < 20; i++) {
      values[i] = 19 - i;
    }

    ConformIntensity.quantileToUnit(values, 0.05, 0.95);

    assertEquals((19 - 1) / 17f, values[0], 1e-6);
    assertEquals(0f, values[18], 1e-6);
    assertEquals(-1 / 17f, values[19], 1e-6);
  }

  @Test
  void quantileToUnitRejectsFractions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConformIntensity.quantileToUnit(new float[] {1, 2.5f}, 0.05, 0.95));

    assertEquals("value 2.5 at index 1 is not an integer in 0..255", e.getMessage());
  }
}
