package io.github.bratsensemble.algorithms.gmm;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.Arrays;

/**
 * Iterated conditional modes (ICM) for a Potts Markov random field over a set of
 * voxels: each voxel takes the class that maximises its log-likelihood minus {@code beta} times
 * the number of its 6 face neighbours (inside the set) with another class. Voxels are visited in
 * flat index order and updated in place, so the result is deterministic. Stateless and thread-safe.
 */
public final class PottsIcm {
  private PottsIcm() {}

  /**
   * Runs ICM and returns the number of sweeps made.
   *
   * @param voxels flat indices of the voxels in the field, ascending
   * @param logLikelihood {@code [class][position]} log-likelihood of each voxel, by position in {@code voxels}
   * @param labels {@code [position]} initial classes, updated in place
   * @param dimensions the image grid, for neighbour lookup
   * @param beta Potts interaction weight (0 gives the maximum-likelihood labels)
   * @param maxSweeps maximum number of sweeps; stops early when a sweep changes nothing
   */
  public static int run(int[] voxels, float[][] logLikelihood, byte[] labels, Dimensions dimensions, double beta, int maxSweeps) {
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    int sliceSize = nx * ny;
    int classes = logLikelihood.length;
    int[] position = new int[dimensions.voxelCount()];
    Arrays.fill(position, -1);
    for (int p = 0; p < voxels.length; p++) {
      position[voxels[p]] = p;
    }
    int[] neighbourCounts = new int[classes];
    int sweeps = 0;
    while (sweeps < maxSweeps) {
      sweeps++;
      int changed = 0;
      for (int p = 0; p < voxels.length; p++) {
        int i = voxels[p];
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / sliceSize;
        Arrays.fill(neighbourCounts, 0);
        int total = 0;
        total += count(x > 0 ? position[i - 1] : -1, labels, neighbourCounts);
        total += count(x < nx - 1 ? position[i + 1] : -1, labels, neighbourCounts);
        total += count(y > 0 ? position[i - nx] : -1, labels, neighbourCounts);
        total += count(y < ny - 1 ? position[i + nx] : -1, labels, neighbourCounts);
        total += count(z > 0 ? position[i - sliceSize] : -1, labels, neighbourCounts);
        total += count(z < nz - 1 ? position[i + sliceSize] : -1, labels, neighbourCounts);
        int best = labels[p];
        double bestEnergy = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
          double energy = logLikelihood[k][p] - beta * (total - neighbourCounts[k]);
          if (energy > bestEnergy) {
            bestEnergy = energy;
            best = k;
          }
        }
        if (best != labels[p]) {
          labels[p] = (byte) best;
          changed++;
        }
      }
      if (changed == 0) {
        break;
      }
    }
    return sweeps;
  }

  private static int count(int neighbourPosition, byte[] labels, int[] counts) {
    if (neighbourPosition < 0) {
      return 0;
    }
    counts[labels[neighbourPosition]]++;
    return 1;
  }
}
