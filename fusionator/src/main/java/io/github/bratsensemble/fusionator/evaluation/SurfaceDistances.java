package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.Arrays;

/**
 * The distances in mm from every surface voxel of one mask to the nearest surface voxel of the
 * other, in both directions. Surface voxels are those of {@link BoxMorphology#surface}; distances
 * come from an exact Euclidean distance transform with the grid spacing, as medpy's {@code hd95}
 * computes them (version 0.4: {@code __surface_distances} with connectivity 1). Both masks must be
 * non-empty. Immutable; the arrays are sorted ascending.
 *
 * @param truthToPrediction distance of each truth surface voxel to the prediction's surface
 * @param predictionToTruth distance of each prediction surface voxel to the truth's surface
 */
record SurfaceDistances(double[] truthToPrediction, double[] predictionToTruth) {

  /** Computes both directed distance sets of two non-empty box masks. */
  static SurfaceDistances of(boolean[] truth, boolean[] prediction, Dimensions box, double[] spacingMm) {
    boolean[] truthSurface = BoxMorphology.surface(truth, box);
    boolean[] predictionSurface = BoxMorphology.surface(prediction, box);
    double[] toPrediction = EuclideanDistanceTransform.distances(predictionSurface, box, spacingMm);
    double[] toTruth = EuclideanDistanceTransform.distances(truthSurface, box, spacingMm);
    return new SurfaceDistances(sample(toPrediction, truthSurface), sample(toTruth, predictionSurface));
  }

  private static double[] sample(double[] distances, boolean[] at) {
    double[] values = new double[BoxMorphology.count(at)];
    int k = 0;
    for (int i = 0; i < at.length; i++) {
      if (at[i]) {
        values[k++] = distances[i];
      }
    }
    Arrays.sort(values);
    return values;
  }

  /**
   * Returns the 95th percentile of the pooled distances of both directions, interpolated linearly
   * between order statistics (numpy's default {@code percentile} method), as medpy's {@code hd95}.
   */
  double hd95() {
    double[] pooled = new double[truthToPrediction.length + predictionToTruth.length];
    System.arraycopy(truthToPrediction, 0, pooled, 0, truthToPrediction.length);
    System.arraycopy(predictionToTruth, 0, pooled, truthToPrediction.length, predictionToTruth.length);
    Arrays.sort(pooled);
    return percentile(pooled, 95);
  }

  /**
   * Returns the normalised surface Dice at {@code toleranceMm}: the number of surface voxels of
   * either mask within the tolerance of the other mask's surface, over all surface voxels of both.
   */
  double surfaceDice(double toleranceMm) {
    int within = countAtMost(truthToPrediction, toleranceMm) + countAtMost(predictionToTruth, toleranceMm);
    return (double) within / (truthToPrediction.length + predictionToTruth.length);
  }

  private static int countAtMost(double[] sorted, double limit) {
    int count = 0;
    while (count < sorted.length && sorted[count] <= limit + 1e-9) {
      count++;
    }
    return count;
  }

  /** Returns the {@code percent} percentile of ascending {@code sorted} values by linear interpolation. */
  static double percentile(double[] sorted, double percent) {
    double position = percent / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    double fraction = position - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }
}
