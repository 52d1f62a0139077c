package io.github.bratsensemble.fusionator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EuclideanDistanceTransformTest {

  @Test
  void anisotropicMatchesBruteForce() {
    Dimensions box = new Dimensions(11, 7, 5);
    double[] spacing = {0.7, 1.3, 2.1};
    Random random = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] features = new boolean[box.voxelCount()];
      for (int i = 0; i < features.length; i++) {
        features[i] = random.nextDouble() < 0.04;
      }
      features[random.nextInt(features.length)] = true;

      double[] squared = EuclideanDistanceTransform.squaredDistances(features, box, spacing);

      for (int z = 0; z < box.nz(); z++) {
        for (int y = 0; y < box.ny(); y++) {
          for (int x = 0; x < box.nx(); x++) {
            assertEquals(bruteForce(features, box, spacing, x, y, z), squared[box.index(x, y, z)], 1e-9,
                "trial " + trial + " voxel (" + x + ", " + y + ", " + z + ")");
          }
        }
      }
    }
  }

  @Test
  void noFeatureGivesInfinity() {
    Dimensions box = new Dimensions(4, 3, 2);

    double[] squared = EuclideanDistanceTransform.squaredDistances(new boolean[24], box, new double[] {1, 1, 1});

    for (double value : squared) {
      assertEquals(Double.POSITIVE_INFINITY, value);
    }
  }

  private static double bruteForce(boolean[] features, Dimensions box, double[] spacing, int x, int y, int z) {
    double best = Double.POSITIVE_INFINITY;
    for (int fz = 0; fz < box.nz(); fz++) {
      for (int fy = 0; fy < box.ny(); fy++) {
        for (int fx = 0; fx < box.nx(); fx++) {
          if (features[box.index(fx, fy, fz)]) {
            double dx = (fx - x) * spacing[0];
            double dy = (fy - y) * spacing[1];
            double dz = (fz - z) * spacing[2];
            best = Math.min(best, dx * dx + dy * dy + dz * dz);
          }
        }
      }
    }
    return best;
  }
}
