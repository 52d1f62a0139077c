package io.github.bratsensemble.preprocessor.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiasFieldCorrectionTest {
  /** Returns the coefficient of variation of the voxels inside the mask. */
  private static double variation(float[] v, byte[] m) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (m[i] != 0) {
        sum += v[i];
        squares += v[i] * v[i];
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(squares / n - mean * mean) / mean;
  }

  @Test
  void linearFieldIsMostlyRemoved() {
    // A 2 mm ball of uniform tissue (100) with noise, times a field rising from 0.6 to 1.4 from left to right.
    Dimensions d = new Dimensions(64, 64, 48);
    Grid grid = new Grid(d, Affine.scaling(2, 2, 2, 0, 0, 0));
    float[] values = new float[d.voxelCount()];
    byte[] mask = new byte[d.voxelCount()];
    Random random = new Random(42);
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          double r2 = Math.pow(x - 32, 2) + Math.pow(y - 32, 2) + Math.pow((z - 24) * 1.3, 2);
          if (r2 < 28 * 28) {
            int i = d.index(x, y, z);
            mask[i] = 1;
            double field = 0.6 + 0.8 * x / (d.nx() - 1.0);
            values[i] = (float) (field * (100 + random.nextGaussian() * 2));
          }
        }
      }
    }
    LabelVolume brain = LabelVolume.wrap(grid, mask);
    FloatVolume biased = FloatVolume.wrap(grid, values);
    double before = variation(values, mask);
    double after = variation(BiasFieldCorrection.correct(biased, brain, 2).voxelArray(), mask);
    assertTrue(before > 0.1, "test field too weak: " + before);
    assertTrue(after < 0.4 * before, "variation " + before + " -> " + after);
  }

  @Test
  void voxelsPastLastBlockKeepTheirScale() {
    // Odd sizes at 2 mm: the 4 mm working grid drops the last voxel on every axis.
    Dimensions d = new Dimensions(33, 31, 29);
    Grid grid = new Grid(d, Affine.scaling(2, 2, 2, 0, 0, 0));
    float[] values = new float[d.voxelCount()];
    java.util.Arrays.fill(values, 100f);
    byte[] mask = new byte[d.voxelCount()];
    java.util.Arrays.fill(mask, (byte) 1);

    float[] corrected = BiasFieldCorrection.correct(FloatVolume.wrap(grid, values), LabelVolume.wrap(grid, mask), 2)
        .voxelArray();

    for (int i = 0; i < corrected.length; i++) {
      assertEquals(100f, corrected[i], 0.5f, "voxel " + i);
    }
  }
}
