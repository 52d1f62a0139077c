package io.github.bratsensemble.preprocessor.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuasiNewtonMemoryTest {
  @Test
  void emptyMemoryGivesNegativeGradient() {
    QuasiNewtonMemory memory = new QuasiNewtonMemory(3);
    assertTrue(memory.isEmpty());
    assertArrayEquals(new double[] {-1, 2, -3}, memory.direction(new double[] {1, -2, 3}), 0);
  }

  @Test
  void onePairGivesNewtonStepOnParabola() {
    // f(x) = 2 x^2: gradient 4x, so the Newton step from x is -x.
    QuasiNewtonMemory memory = new QuasiNewtonMemory(3);
    memory.add(new double[] {0.5}, new double[] {4 * 1.0}, new double[] {4 * 1.5});
    assertArrayEquals(new double[] {-1.5}, memory.direction(new double[] {4 * 1.5}), 1e-12);
  }

  @Test
  void pairsRecoverQuadraticCurvature() {
    // f(x) = x0^2 / 2 + 50 x1^2: after steps along both axes, -H g is the Newton step -x.
    QuasiNewtonMemory memory = new QuasiNewtonMemory(3);
    double[] x = {3, 1};
    double[][] steps = {{0.5, 0}, {0, -0.2}};
    for (double[] s : steps) {
      double[] before = {x[0], 100 * x[1]};
      x = new double[] {x[0] + s[0], x[1] + s[1]};
      memory.add(s, before, new double[] {x[0], 100 * x[1]});
    }
    assertArrayEquals(new double[] {-x[0], -x[1]}, memory.direction(new double[] {x[0], 100 * x[1]}), 1e-9);
  }

  @Test
  void negativeCurvaturePairIsSkipped() {
    QuasiNewtonMemory memory = new QuasiNewtonMemory(3);
    memory.add(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 0});
    assertTrue(memory.isEmpty());
    memory.add(new double[] {1, 0}, new double[] {0, 0}, new double[] {2, 0});
    assertFalse(memory.isEmpty());
  }
}
