package io.github.bratsensemble.inference.window;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.stream.IntStream;

/** Weighted sums of patch predictions and of the weights, one volume per output channel. */
final class Accumulator {
  private final Dimensions dims;
  private final float[][] sums;
  private final float[] weightSum;
  private final float[] weights;
  private final int[] patch;

  Accumulator(Dimensions dims, int channels, float[] weights, int[] patch) {
    this.dims = dims;
    this.sums = new float[channels][dims.voxelCount()];
    this.weightSum = new float[dims.voxelCount()];
    this.weights = weights;
    this.patch = patch;
  }

  /**
   * Adds batch item {@code b} of a model output {@code [B, K, pz, py, px]}, scaled by {@code factor},
   * undoing the mirroring given by {@code flips}.
   */
  void add(float[] output, int b, int[] tile, int[] flips, float factor) {
    int patchVoxels = patch[0] * patch[1] * patch[2];
    int nx = dims.nx();
    int ny = dims.ny();
    for (int c = 0; c < sums.length; c++) {
      float[] sum = sums[c];
      int base = (b * sums.length + c) * patchVoxels;
      // Slices along z write disjoint parts of the sums, so they run in parallel.
      IntStream.range(0, patch[2]).parallel().forEach(lz -> {
        // Output voxel lz of a mirrored run belongs to patch voxel (patch - 1 - lz).
        int z = tile[2] + (flips[2] == 1 ? patch[2] - 1 - lz : lz);
        if (z >= dims.nz()) {
          return;
        }
        for (int ly = 0; ly < patch[1]; ly++) {
          int y = tile[1] + (flips[1] == 1 ? patch[1] - 1 - ly : ly);
          if (y >= ny) {
            continue;
          }
          int rowOut = base + patch[0] * (ly + patch[1] * lz);
          int rowVolume = nx * (y + ny * z);
          for (int lx = 0; lx < patch[0]; lx++) {
            int px = flips[0] == 1 ? patch[0] - 1 - lx : lx;
            int x = tile[0] + px;
            if (x < nx) {
              int weightIndex = px + patch[0] * ((flips[1] == 1 ? patch[1] - 1 - ly : ly)
                  + patch[1] * (flips[2] == 1 ? patch[2] - 1 - lz : lz));
              sum[rowVolume + x] += factor * weights[weightIndex] * output[rowOut + lx];
            }
          }
        }
      });
    }
  }

  /** Adds the patch weights of one tile to the weight sum. */
  void addWeights(int[] tile) {
    int nx = dims.nx();
    int ny = dims.ny();
    for (int lz = 0; lz < patch[2] && tile[2] + lz < dims.nz(); lz++) {
      for (int ly = 0; ly < patch[1] && tile[1] + ly < ny; ly++) {
        int rowVolume = nx * (tile[1] + ly + ny * (tile[2] + lz));
        int rowWeights = patch[0] * (ly + patch[1] * lz);
        for (int lx = 0; lx < patch[0] && tile[0] + lx < nx; lx++) {
          weightSum[rowVolume + tile[0] + lx] += weights[rowWeights + lx];
        }
      }
    }
  }

  /** Divides every sum by the summed weights and returns the per-channel maps. */
  float[][] finish() {
    for (float[] sum : sums) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] /= weightSum[i];
      }
    }
    return sums;
  }
}
