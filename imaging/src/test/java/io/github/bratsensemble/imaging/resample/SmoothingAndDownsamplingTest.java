package io.github.bratsensemble.imaging.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import org.junit.jupiter.api.Test;

class SmoothingAndDownsamplingTest {
  @Test
  void smoothingKeepsConstantImage() {
    Grid grid = new Grid(new Dimensions(9, 8, 7), Affine.scaling(0.5, 0.5, 4, 0, 0, 0));
    float[] values = new float[grid.voxelCount()];
    java.util.Arrays.fill(values, 42f);
    FloatVolume out = GaussianSmoothing.smooth(FloatVolume.wrap(grid, values), 2.0, 2);
    for (float v : out.voxelArray()) {
      assertEquals(42f, v, 1e-4f);
    }
  }

  @Test
  void smoothingUsesPhysicalSigma() {
    // 0.5 mm in x, 4 mm in z: sigma 2 mm is 4 voxels in x and 0.5 voxel in z.
    Dimensions d = new Dimensions(41, 1, 11);
    Grid grid = new Grid(d, Affine.scaling(0.5, 1, 4, 0, 0, 0));
    float[] values = new float[d.voxelCount()];
    values[d.index(20, 0, 5)] = 1;
    float[] out = GaussianSmoothing.smooth(FloatVolume.wrap(grid, values), 2.0, 1).voxelArray();
    double sum = 0;
    double varianceX = 0;
    double varianceZ = 0;
    for (int z = 0; z < 11; z++) {
      for (int x = 0; x < 41; x++) {
        double v = out[d.index(x, 0, z)];
        sum += v;
        varianceX += v * sq((x - 20) * 0.5);
        varianceZ += v * sq((z - 5) * 4.0);
      }
    }
    assertEquals(1.0, sum, 1e-6);
    // The kernel is cut at 3 sigma, which lowers the variance from 4 mm^2 to about 3.93 mm^2.
    assertEquals(3.93, varianceX, 0.01);
    // The z kernel spans only 3 taps, so its variance is below sigma^2 = 4 mm^2.
    assertEquals(2.0, Math.sqrt(varianceZ), 0.3);
  }

  @Test
  void negativeSigmaIsRejected() {
    Grid grid = new Grid(new Dimensions(2, 2, 2), Affine.identity());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GaussianSmoothing.smooth(FloatVolume.zeros(grid), -1));
    assertEquals("Gaussian sigma must be finite and at least 0 mm but was -1.0", e.getMessage());
  }

  @Test
  void blockAverageKeepsWorldPositions() {
    // A linear function of world x stays exact at the new voxel centres.
    Dimensions d = new Dimensions(16, 9, 4);
    Grid grid = new Grid(d, Affine.ofRows(0, 0, 2, 5, -0.5, 0, 0, 7, 0, 1, 0, -3));
    float[] values = new float[d.voxelCount()];
    for (int z = 0; z < 4; z++) {
      for (int y = 0; y < 9; y++) {
        for (int x = 0; x < 16; x++) {
          double[] world = grid.affine().apply(new double[] {x, y, z});
          values[d.index(x, y, z)] = (float) (world[0] + 2 * world[1] - world[2]);
        }
      }
    }
    FloatVolume small = Downsampling.blockAverage(FloatVolume.wrap(grid, values), new int[] {4, 3, 2});
    assertArrayEquals(new int[] {4, 3, 2}, small.grid().dimensions().toArray());
    for (int i = 0; i < small.voxelCount(); i++) {
      int x = i % 4;
      int y = (i / 4) % 3;
      int z = i / 12;
      double[] world = small.grid().affine().apply(new double[] {x, y, z});
      assertEquals(world[0] + 2 * world[1] - world[2], small.value(i), 1e-4, "voxel " + i);
    }
  }

  private static double sq(double v) {
    return v * v;
  }
}
