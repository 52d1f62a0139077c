package io.github.bratsensemble.preprocessor.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MattesMutualInformationTest {
  @Test
  void bsplineWindowSumsToOne() {
    for (double eta = 2; eta < 5; eta += 0.137) {
      double sum = 0;
      double derivativeSum = 0;
      int j0 = (int) eta - 1;
      for (int j = j0; j < j0 + 4; j++) {
        sum += MattesMutualInformation.cubicBSpline(eta - j);
        derivativeSum += MattesMutualInformation.cubicBSplineDerivative(eta - j);
      }
      assertEquals(1.0, sum, 1e-12);
      assertEquals(0.0, derivativeSum, 1e-12);
    }
  }

  @Test
  void derivativeMatchesFiniteDifference() {
    Random random = new Random(3);
    int n = 400;
    float[] fixed = new float[n];
    float[] moving = new float[n];
    boolean[] valid = new boolean[n];
    for (int k = 0; k < n; k++) {
      fixed[k] = random.nextFloat() * 100;
      moving[k] = 0.5f * fixed[k] + random.nextFloat() * 30;
      valid[k] = true;
    }
    MattesMutualInformation metric = new MattesMutualInformation(16, 0, 100, 0, 80);
    double[] derivative = new double[n];
    metric.evaluate(fixed, moving, valid, n, derivative);
    double[] scratch = new double[n];
    for (int k = 0; k < n; k += 37) {
      float original = moving[k];
      float h = 0.01f;
      moving[k] = original + h;
      double plus = metric.evaluate(fixed, moving, valid, n, scratch);
      moving[k] = original - h;
      double minus = metric.evaluate(fixed, moving, valid, n, scratch);
      moving[k] = original;
      double numeric = (plus - minus) / ((double) (original + h) - (double) (original - h));
      assertEquals(numeric, derivative[k], 1e-4 * Math.max(1e-3, Math.abs(numeric)) + 1e-8, "sample " + k);
    }
  }

  @Test
  void dependentPairScoresBetterThanShuffled() {
    Random random = new Random(4);
    int n = 2000;
    float[] fixed = new float[n];
    float[] moving = new float[n];
    float[] shuffled = new float[n];
    boolean[] valid = new boolean[n];
    for (int k = 0; k < n; k++) {
      fixed[k] = random.nextFloat() * 100;
      moving[k] = 100 - fixed[k];
      shuffled[k] = random.nextFloat() * 100;
      valid[k] = true;
    }
    MattesMutualInformation metric = new MattesMutualInformation(32, 0, 100, 0, 100);
    double[] derivative = new double[n];
    double dependent = metric.evaluate(fixed, moving, valid, n, derivative);
    double independent = metric.evaluate(fixed, shuffled, valid, n, derivative);
    assertTrue(dependent < -2.0, "dependent " + dependent);
    assertTrue(independent > -0.2, "independent " + independent);
  }

  @Test
  void nonFiniteSampleGivesNaN() {
    float[] fixed = {1, 2, 3};
    float[] moving = {1, Float.NaN, 3};
    boolean[] valid = {true, true, true};
    double value = new MattesMutualInformation(16, 0, 3, 0, 3).evaluate(fixed, moving, valid, 3, new double[3]);
    assertTrue(Double.isNaN(value));
  }
}
