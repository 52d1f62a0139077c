package io.github.bratsensemble.preprocessor.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimilarityMetricsTest {
  private static final boolean[] ALL = {true, true, true, true};

  @Test
  void meanSquaresValueAndDerivative() {
    double[] derivative = new double[4];
    double value = new MeanSquares().evaluate(
        new float[] {1, 2, 3, 4}, new float[] {1, 4, 3, 9}, new boolean[] {true, true, false, true}, 3, derivative);
    assertEquals((0 + 4 + 25) / 3.0, value, 1e-12);
    assertArrayEquals(new double[] {0, 4 / 3.0, 0, 10 / 3.0}, derivative, 1e-12);
  }

  @Test
  void crossCorrelationOfScaledCopyIsMinusOne() {
    double[] derivative = new double[4];
    double value = new NormalizedCrossCorrelation().evaluate(
        new float[] {1, 2, 3, 5}, new float[] {12, 14, 16, 20}, ALL, 4, derivative);
    assertEquals(-1.0, value, 1e-12);
    // At the optimum the derivative vanishes.
    assertArrayEquals(new double[4], derivative, 1e-12);
  }

  @Test
  void crossCorrelationDerivativeMatchesFiniteDifference() {
    float[] fixed = {1, 7, 3, 5};
    float[] moving = {2, 3, 9, 4};
    double[] derivative = new double[4];
    NormalizedCrossCorrelation metric = new NormalizedCrossCorrelation();
    metric.evaluate(fixed, moving, ALL, 4, derivative);
    for (int k = 0; k < 4; k++) {
      float original = moving[k];
      moving[k] = original + 0.01f;
      double plus = metric.evaluate(fixed, moving, ALL, 4, new double[4]);
      moving[k] = original - 0.01f;
      double minus = metric.evaluate(fixed, moving, ALL, 4, new double[4]);
      moving[k] = original;
      assertEquals((plus - minus) / 0.02, derivative[k], 1e-4, "sample " + k);
    }
  }

  @Test
  void constantImageGivesNaN() {
    double value = new NormalizedCrossCorrelation().evaluate(
        new float[] {1, 2, 3, 4}, new float[] {5, 5, 5, 5}, ALL, 4, new double[4]);
    assertEquals(Double.NaN, value);
  }
}
