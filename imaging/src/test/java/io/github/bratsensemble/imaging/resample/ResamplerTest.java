package io.github.bratsensemble.imaging.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.Rotations;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static final Grid GRID = new Grid(new Dimensions(12, 10, 8), Affine.scaling(2, 1.5, 3, -10, 5, 20));

  @Test
  void identityKeepsEveryValue() {
    FloatVolume image = randomImage(GRID, 1);
    for (Interpolation interpolation : new Interpolation[] {Interpolation.NEAREST, Interpolation.LINEAR}) {
      FloatVolume out = Resampler.resample(image, GRID, AffineTransform.identity(), interpolation, -1f, 2);
      assertArrayEquals(image.voxelArray(), out.voxelArray(), interpolation.name());
    }
    FloatVolume spline = Resampler.resample(image, GRID, AffineTransform.identity(), Interpolation.BSPLINE, -1f, 2);
    assertArrayEquals(image.voxelArray(), spline.voxelArray(), 1e-3f);
  }

  @Test
  void flippedGridSameWorldIsExactFlip() {
    // Same world positions stored with y reversed: out(x, y, z) must equal in(x, ny-1-y, z).
    Dimensions d = GRID.dimensions();
    Affine flipY = Affine.ofRows(1, 0, 0, 0, 0, -1, 0, d.ny() - 1, 0, 0, 1, 0);
    Grid flipped = new Grid(d, GRID.affine().compose(flipY));
    FloatVolume image = randomImage(GRID, 2);
    FloatVolume out = Resampler.resample(image, flipped, AffineTransform.identity(), Interpolation.LINEAR, 0f, 1);
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          assertEquals(image.value(x, d.ny() - 1 - y, z), out.value(x, y, z), "voxel " + x + "," + y + "," + z);
        }
      }
    }
  }

  @Test
  void translationShiftsByWholeVoxels() {
    FloatVolume image = randomImage(GRID, 3);
    // Moving point = fixed point + 2 mm in x = one voxel along i.
    AffineTransform shift = AffineTransform.of(Affine.translation(2, 0, 0));
    FloatVolume out = Resampler.resample(image, GRID, shift, Interpolation.LINEAR, -7f, 1);
    Dimensions d = GRID.dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx() - 1; x++) {
          assertEquals(image.value(x + 1, y, z), out.value(x, y, z));
        }
        // x = nx - 1 maps to index nx, beyond nx - 0.5: outside.
        assertEquals(-7f, out.value(d.nx() - 1, y, z));
      }
    }
  }

  @Test
  void linearMidpointIsMean() {
    Grid line = new Grid(new Dimensions(2, 1, 1), Affine.identity());
    FloatVolume image = FloatVolume.copyOf(line, new float[] {10, 20});
    Grid target = new Grid(new Dimensions(1, 1, 1), Affine.translation(0.5, 0, 0));
    assertEquals(15f, Resampler.resample(image, target, AffineTransform.identity(), Interpolation.LINEAR, 0f).value(0));
    assertEquals(20f, Resampler.resample(image, target, AffineTransform.identity(), Interpolation.NEAREST, 0f).value(0));
  }

  @Test
  void halfVoxelBorderIsInside() {
    Grid line = new Grid(new Dimensions(3, 1, 1), Affine.identity());
    FloatVolume image = FloatVolume.copyOf(line, new float[] {1, 2, 3});
    Grid target = new Grid(new Dimensions(4, 1, 1), Affine.translation(-0.5, 0, 0));
    FloatVolume out = Resampler.resample(image, target, AffineTransform.identity(), Interpolation.LINEAR, -1f);
    assertArrayEquals(new float[] {1, 1.5f, 2.5f, 3}, out.voxelArray());
    Grid beyond = new Grid(new Dimensions(1, 1, 1), Affine.translation(2.51, 0, 0));
    assertEquals(-1f, Resampler.resample(image, beyond, AffineTransform.identity(), Interpolation.LINEAR, -1f).value(0));
  }

  @Test
  void bsplineReproducesCubicPolynomial() {
    Grid grid = new Grid(new Dimensions(24, 4, 4), Affine.identity());
    float[] values = new float[grid.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      double x = i % 24;
      values[i] = (float) cubic(x);
    }
    FloatVolume image = FloatVolume.wrap(grid, values);
    AffineTransform shift = AffineTransform.of(Affine.translation(0.3, 0, 0));
    FloatVolume out = Resampler.resample(image, grid, shift, Interpolation.BSPLINE, 0f, 2);
    // Away from the mirrored borders the cubic spline reproduces a cubic polynomial.
    for (int x = 8; x < 16; x++) {
      assertEquals(cubic(x + 0.3), out.value(x, 1, 1), 2e-3, "x " + x);
    }
  }

  @Test
  void labelModeTakesMajority() {
    Grid grid = new Grid(new Dimensions(3, 1, 1), Affine.identity());
    LabelVolume labels = LabelVolume.copyOf(grid, new byte[] {1, 2, 2});
    Grid target = new Grid(new Dimensions(2, 1, 1), Affine.translation(0.4, 0, 0));
    LabelVolume out = Resampler.resampleLabels(labels, target, AffineTransform.identity(), Interpolation.LABEL, 0);
    assertEquals(1, out.label(0));
    assertEquals(2, out.label(1));
    Grid tie = new Grid(new Dimensions(1, 1, 1), Affine.translation(0.5, 0, 0));
    // Halfway between labels 1 and 2 the nearest voxel (rounding halves up) breaks the tie.
    assertEquals(2, Resampler.resampleLabels(labels, tie, AffineTransform.identity(), Interpolation.LABEL, 0).label(0));
    assertEquals(2, Resampler.resampleLabels(labels, tie, AffineTransform.identity(), Interpolation.NEAREST, 0).label(0));
  }

  @Test
  void labelModeKeepsLabelsOnRotation() {
    Dimensions d = new Dimensions(20, 20, 6);
    Grid grid = new Grid(d, Affine.identity());
    byte[] labels = new byte[d.voxelCount()];
    for (int z = 0; z < 6; z++) {
      for (int y = 5; y < 15; y++) {
        for (int x = 5; x < 15; x++) {
          labels[d.index(x, y, z)] = (byte) (x < 10 ? 200 : 4);
        }
      }
    }
    AffineTransform rotation = AffineTransform.ofCentered(
        Rotations.euler(0, 0, 0.2, false), new double[3], new double[] {9.5, 9.5, 2.5});
    LabelVolume out = Resampler.resampleLabels(LabelVolume.wrap(grid, labels), grid, rotation, Interpolation.LABEL, 0, 2);
    assertArrayEquals(new int[] {0, 4, 200}, out.distinctLabels());
    assertEquals(200, out.label(7, 9, 3));
    assertEquals(4, out.label(12, 9, 3));
  }

  @Test
  void resultIndependentOfThreadCount() {
    FloatVolume image = randomImage(GRID, 4);
    AffineTransform rotation = AffineTransform.ofCentered(
        Rotations.euler(0.1, 0.05, -0.2, false), new double[] {1, -2, 0.5}, GRID.centerWorld());
    for (Interpolation interpolation : new Interpolation[] {Interpolation.NEAREST, Interpolation.LINEAR, Interpolation.BSPLINE}) {
      FloatVolume one = Resampler.resample(image, GRID, rotation, interpolation, 0f, 1);
      FloatVolume three = Resampler.resample(image, GRID, rotation, interpolation, 0f, 3);
      assertArrayEquals(one.voxelArray(), three.voxelArray(), interpolation.name());
    }
  }

  @Test
  void invalidModesAreRejected() {
    FloatVolume image = randomImage(GRID, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Resampler.resample(image, GRID, AffineTransform.identity(), Interpolation.LABEL, 0f));
    assertEquals("label interpolation applies to label maps; use resampleLabels or nearest, linear or bspline",
        e.getMessage());
    LabelVolume labels = LabelVolume.zeros(GRID);
    e = assertThrows(IllegalArgumentException.class,
        () -> Resampler.resampleLabels(labels, GRID, AffineTransform.identity(), Interpolation.LINEAR, 0));
    assertEquals("label maps are resampled with nearest or label interpolation, not linear", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Interpolation.parse("cubic"));
    assertEquals("unknown interpolation \"cubic\"; expected nearest, linear, bspline or label", e.getMessage());
  }

  private static double cubic(double x) {
    return 0.01 * x * x * x - 0.2 * x * x + x + 3;
  }

  static FloatVolume randomImage(Grid grid, long seed) {
    Random random = new Random(seed);
    float[] values = new float[grid.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(1000);
    }
    return FloatVolume.wrap(grid, values);
  }
}
