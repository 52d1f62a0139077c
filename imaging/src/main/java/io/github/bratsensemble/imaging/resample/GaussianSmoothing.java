package io.github.bratsensemble.imaging.resample;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.FloatVolume;

/**
 * Separable Gaussian smoothing with the standard deviation given in millimetres, converted to
 * voxels per axis from the grid spacing, so anisotropic images (e.g. 0.47 x 0.47 x 5 mm) are
 * smoothed equally in every physical direction. The kernel is truncated at 3 sigma and normalised;
 * borders repeat the edge voxel. An axis whose sigma is below 0.1 voxel is left as it is.
 */
public final class GaussianSmoothing {
  private GaussianSmoothing() {}

  /** Smooths with the default thread count. */
  public static FloatVolume smooth(FloatVolume image, double sigmaMm) {
    return smooth(image, sigmaMm, Slabs.defaultThreads());
  }

  /**
   * Returns a smoothed copy of {@code image}.
   *
   * @throws IllegalArgumentException if {@code sigmaMm} is negative or not finite
   */
  public static FloatVolume smooth(FloatVolume image, double sigmaMm, int threads) {
    if (!(sigmaMm >= 0) || Double.isInfinite(sigmaMm)) {
      throw new IllegalArgumentException("Gaussian sigma must be finite and at least 0 mm but was " + sigmaMm);
    }
    double[] spacing = image.grid().spacingMm();
    float[] data = image.voxelArray().clone();
    Dimensions d = image.grid().dimensions();
    for (int axis = 0; axis < 3; axis++) {
      double sigmaVoxels = sigmaMm / spacing[axis];
      if (sigmaVoxels >= 0.1 && d.size(axis) > 1) {
        convolveAxis(data, d, axis, kernel(sigmaVoxels), threads);
      }
    }
    return FloatVolume.wrap(image.grid(), data);
  }

  static double[] kernel(double sigmaVoxels) {
    int radius = Math.max(1, (int) Math.ceil(3 * sigmaVoxels));
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-0.5 * i * i / (sigmaVoxels * sigmaVoxels));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }

  private static void convolveAxis(float[] data, Dimensions d, int axis, double[] kernel, int threads) {
    int nx = d.nx();
    int ny = d.ny();
    int n = d.size(axis);
    int stride = axis == 0 ? 1 : (axis == 1 ? nx : nx * ny);
    int radius = kernel.length / 2;
    // Lines along x and y lie inside one z slice; lines along z are split by y instead.
    int outer = axis == 2 ? ny : d.nz();
    Slabs.run(outer, threads, (start, end) -> {
      double[] line = new double[n];
      for (int o = start; o < end; o++) {
        int lineCount = axis == 0 ? ny : nx;
        for (int l = 0; l < lineCount; l++) {
          int base = switch (axis) {
            case 0 -> o * nx * ny + l * nx;
            case 1 -> o * nx * ny + l;
            default -> o * nx + l;
          };
          for (int i = 0; i < n; i++) {
            line[i] = data[base + i * stride];
          }
          for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
              int j = i + k;
              j = j < 0 ? 0 : (j >= n ? n - 1 : j);
              sum += kernel[k + radius] * line[j];
            }
            data[base + i * stride] = (float) sum;
          }
        }
      }
    });
  }
}
