package io.github.bratsensemble.preprocessor.intensity;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.resample.Downsampling;
import io.github.bratsensemble.imaging.resample.GaussianSmoothing;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Removes a smooth multiplicative bias field inside a brain mask, in the log domain as N4 does
 * (Tustison et al., IEEE Trans. Medical Imaging 2010): the field is the masked, normalised Gaussian
 * average of the log intensities (sigma {@value #FIELD_SIGMA_MM} mm, computed at
 * {@value #WORK_SPACING_MM} mm and interpolated back), re-estimated on the corrected image for
 * {@value #ITERATIONS} rounds, with its brain mean removed so the mean log intensity is kept.
 */
// NOTE: this is homomorphic (smoothing-based) correction; N4's histogram sharpening and B-spline
// field fit are not implemented, so tissue contrast at scales near the sigma is partly flattened.
public final class BiasFieldCorrection {
  static final double FIELD_SIGMA_MM = 30;
  static final double WORK_SPACING_MM = 4;
  static final int ITERATIONS = 3;

  private BiasFieldCorrection() {}

  /**
   * Returns the corrected image; voxels outside the mask or at or below 0 are unchanged.
   *
   * @throws IllegalArgumentException if the mask is on another grid or has no positive voxel
   */
  public static FloatVolume correct(FloatVolume image, LabelVolume mask, int threads) {
    if (!image.grid().matches(mask.grid(), 1e-3)) {
      throw new IllegalArgumentException("brain mask is not on the image grid: "
          + mask.grid().describeDifference(image.grid(), 1e-3));
    }
    float[] v = image.voxelArray();
    byte[] m = mask.labelArray();
    float[] logValues = new float[v.length];
    float[] weights = new float[v.length];
    int count = 0;
    for (int i = 0; i < v.length; i++) {
      if (m[i] != 0 && v[i] > 0) {
        logValues[i] = (float) Math.log(v[i]);
        weights[i] = 1;
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("no brain voxel above 0, so no bias field can be estimated");
    }

    double[] spacing = image.grid().spacingMm();
    int[] factors = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      factors[axis] = Math.max(1, (int) Math.round(WORK_SPACING_MM / spacing[axis]));
    }
    float[] totalField = new float[v.length];
    float[] current = logValues.clone();
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      float[] field = estimateField(image.grid(), current, weights, factors, threads);
      double mean = 0;
      for (int i = 0; i < v.length; i++) {
        if (weights[i] > 0) {
          mean += field[i];
        }
      }
      mean /= count;
      for (int i = 0; i < v.length; i++) {
        if (weights[i] > 0) {
          float f = (float) (field[i] - mean);
          totalField[i] += f;
          current[i] -= f;
        }
      }
    }

    float[] out = v.clone();
    for (int i = 0; i < v.length; i++) {
      if (weights[i] > 0) {
        out[i] = (float) (v[i] / Math.exp(totalField[i]));
      }
    }
    return FloatVolume.wrap(image.grid(), out);
  }

  /** Returns the masked Gaussian average of {@code logValues} on the full grid. */
  private static float[] estimateField(Grid grid, float[] logValues, float[] weights, int[] factors, int threads) {
    float[] weighted = new float[logValues.length];
    for (int i = 0; i < logValues.length; i++) {
      weighted[i] = logValues[i] * weights[i];
    }
    FloatVolume numerator = Downsampling.blockAverage(FloatVolume.wrap(grid, weighted), factors);
    FloatVolume denominator = Downsampling.blockAverage(FloatVolume.wrap(grid, weights), factors);
    numerator = GaussianSmoothing.smooth(numerator, FIELD_SIGMA_MM, threads);
    denominator = GaussianSmoothing.smooth(denominator, FIELD_SIGMA_MM, threads);
    float[] n = numerator.voxelArray();
    float[] d = denominator.voxelArray();
    float[] coarse = new float[n.length];
    for (int i = 0; i < n.length; i++) {
      coarse[i] = d[i] > 1e-6f ? n[i] / d[i] : 0f;
    }
    // Block averaging drops the voxels past the last whole block; the edge padding gives them the
    // nearest estimate instead of the fill value.
    FloatVolume padded = padByEdge(FloatVolume.wrap(numerator.grid(), coarse));
    FloatVolume field = Resampler.resample(padded, grid, AffineTransform.identity(), Interpolation.LINEAR, 0f, threads);
    return field.voxelArray();
  }

  /** Returns the image grown by one voxel on every side, each new voxel a copy of the nearest edge voxel. */
  static FloatVolume padByEdge(FloatVolume image) {
    Dimensions d = image.grid().dimensions();
    Dimensions padded = new Dimensions(d.nx() + 2, d.ny() + 2, d.nz() + 2);
    float[] in = image.voxelArray();
    float[] out = new float[padded.voxelCount()];
    int i = 0;
    for (int z = 0; z < padded.nz(); z++) {
      int sz = Math.min(d.nz() - 1, Math.max(0, z - 1));
      for (int y = 0; y < padded.ny(); y++) {
        int sy = Math.min(d.ny() - 1, Math.max(0, y - 1));
        for (int x = 0; x < padded.nx(); x++, i++) {
          int sx = Math.min(d.nx() - 1, Math.max(0, x - 1));
          out[i] = in[d.index(sx, sy, sz)];
        }
      }
    }
    Affine shifted = image.grid().affine().compose(Affine.translation(-1, -1, -1));
    return FloatVolume.wrap(new Grid(padded, shifted), out);
  }
}
