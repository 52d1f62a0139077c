package io.github.bratsensemble.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RobustStatisticsTest {

  @Test
  void medianAndMadOfMaskedValues() {
    float[] values = {100, 1, 2, 3, 4, 50, -7};
    byte[] mask = {0, 1, 1, 1, 1, 1, 0};

    RobustStatistics.Location location = RobustStatistics.robustLocation(values, mask);

    // Masked values 1, 2, 3, 4, 50: median 3, deviations 2, 1, 0, 1, 47 -> MAD 1.
    assertEquals(3.0, location.median());
    assertEquals(1.4826, location.sigma(), 1e-12);
    assertEquals(5, location.count());
  }

  @Test
  void percentileInterpolatesBetweenValues() {
    float[] sorted = {0, 10, 20, 30};

    assertEquals(0.0, RobustStatistics.percentile(sorted, 0));
    assertEquals(15.0, RobustStatistics.percentile(sorted, 50), 1e-12);
    assertEquals(30.0, RobustStatistics.percentile(sorted, 100));
    assertEquals(25.0, RobustStatistics.percentile(sorted, 250.0 / 3), 1e-9);
  }

  @Test
  void percentileOutOfRangeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RobustStatistics.percentile(new float[] {1}, 101));

    assertEquals("percentile must be within 0..100 but was 101.0", e.getMessage());
  }

  @Test
  void zScoresUseMedianAndMad() {
    float[] values = {1, 2, 3, 4, 50, 9};
    byte[] mask = {1, 1, 1, 1, 1, 0};

    float[] z = RobustZScores.compute(values, mask, "FLAIR");

    float unit = (float) (1 / 1.4826);
    assertArrayEquals(new float[] {-2 * unit, -unit, 0, unit, 47 * unit, 0}, z, 1e-6f);
  }

  @Test
  void constantSequenceIsRejected() {
    float[] values = {5, 5, 5, 5};
    byte[] mask = {1, 1, 1, 0};

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RobustZScores.compute(values, mask, "T1c"));

    assertEquals("T1c has no intensity spread inside the brain (median 5.0, MAD 0 over 3 voxels);"
        + " the sequence is empty or constant", e.getMessage());
  }
}
