package io.github.bratsensemble.imaging.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import org.junit.jupiter.api.Test;

class AffineTransformTest {
  private static final double[] ROTATION = Rotations.euler(0.1, -0.2, 0.3, false);

  @Test
  void centeredFormMatchesDefinition() {
    double[] t = {1, 2, 3};
    double[] c = {10, -20, 30};
    AffineTransform transform = AffineTransform.ofCentered(ROTATION, t, c);
    double[] x = {4, 5, -6};
    double[] expected = new double[3];
    for (int row = 0; row < 3; row++) {
      expected[row] = c[row] + t[row];
      for (int col = 0; col < 3; col++) {
        expected[row] += ROTATION[row * 3 + col] * (x[col] - c[col]);
      }
    }
    assertArrayEquals(expected, transform.apply(x), 1e-12);
    assertArrayEquals(t, transform.translation(), 1e-12);
    assertArrayEquals(c, transform.center(), 0);
    assertArrayEquals(ROTATION, transform.matrix(), 1e-15);
  }

  @Test
  void inverseUndoesTransform() {
    AffineTransform transform = AffineTransform.ofCentered(ROTATION, new double[] {5, -3, 2}, new double[] {1, 2, 3});
    AffineTransform inverse = transform.inverse();
    double[] x = {12, -7, 40};
    assertArrayEquals(x, inverse.apply(transform.apply(x)), 1e-12);
    assertArrayEquals(transform.apply(transform.center()), inverse.center(), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3}, inverse.apply(transform.apply(new double[] {1, 2, 3})), 1e-12);
  }

  @Test
  void afterAppliesArgumentFirst() {
    AffineTransform shift = AffineTransform.of(Affine.translation(1, 0, 0));
    AffineTransform scale = AffineTransform.of(Affine.scaling(2, 2, 2, 0, 0, 0));
    assertArrayEquals(new double[] {4, 2, 2}, scale.after(shift).apply(new double[] {1, 1, 1}), 0);
    assertArrayEquals(new double[] {3, 2, 2}, shift.after(scale).apply(new double[] {1, 1, 1}), 0);
  }

  @Test
  void rigidCheckRejectsScalingAndReflection() {
    assertTrue(AffineTransform.ofCentered(ROTATION, new double[3], new double[3]).isRigid(1e-9));
    assertFalse(AffineTransform.of(Affine.scaling(1.1, 1, 1, 0, 0, 0)).isRigid(1e-3));
    assertFalse(AffineTransform.of(Affine.scaling(-1, 1, 1, 0, 0, 0)).isRigid(1e-3));
  }

  @Test
  void displacementIsEuclideanDistance() {
    AffineTransform a = AffineTransform.of(Affine.translation(3, 4, 0));
    assertEquals(5.0, a.displacementMm(AffineTransform.identity(), new double[] {7, 8, 9}), 1e-12);
  }

  @Test
  void invalidArgumentsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AffineTransform.ofCentered(new double[8], new double[3], new double[3]));
    assertEquals("the matrix needs 9 values but got 8", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AffineTransform.ofCentered(ROTATION, new double[] {0, Double.NaN, 0}, new double[3]));
    assertEquals("the translation is not finite: [0.0, NaN, 0.0]", e.getMessage());
  }

  @Test
  void lpsConversionConjugatesByFlip() {
    AffineTransform ras = AffineTransform.ofCentered(ROTATION, new double[] {1, 2, 3}, new double[] {4, 5, 6});
    AffineTransform lps = LpsConversion.toLps(ras);
    Affine flip = Affine.scaling(-1, -1, 1, 0, 0, 0);
    Affine expected = flip.compose(ras.toAffine()).compose(flip);
    assertEquals(0, expected.maxAbsDifference(lps.toAffine()), 1e-15);
    assertArrayEquals(new double[] {-4, -5, 6}, lps.center(), 0);
    assertEquals(0, LpsConversion.fromLps(lps).toAffine().maxAbsDifference(ras.toAffine()), 0);
  }

  @Test
  void eulerAndVersorAgreeOnAxisRotation() {
    double angle = 0.4;
    double[] euler = Rotations.euler(0, 0, angle, false);
    double[] versor = Rotations.versor(0, 0, Math.sin(angle / 2));
    double[] exp = Rotations.exp(0, 0, angle);
    assertArrayEquals(euler, versor, 1e-12);
    assertArrayEquals(euler, exp, 1e-12);
    assertArrayEquals(new double[] {Math.cos(angle), -Math.sin(angle), 0, Math.sin(angle), Math.cos(angle), 0, 0, 0, 1},
        euler, 1e-15);
  }

  @Test
  void eulerOrderFollowsFlag() {
    double[] rx = Rotations.euler(0.3, 0, 0, false);
    double[] ry = Rotations.euler(0, 0.2, 0, false);
    double[] rz = Rotations.euler(0, 0, 0.1, false);
    assertArrayEquals(Rotations.multiply(rz, Rotations.multiply(rx, ry)), Rotations.euler(0.3, 0.2, 0.1, false), 1e-15);
    assertArrayEquals(Rotations.multiply(rz, Rotations.multiply(ry, rx)), Rotations.euler(0.3, 0.2, 0.1, true), 1e-15);
  }
}
