package io.github.bratsensemble.imaging.resample;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Resamples an image onto a target grid through a transform, like ITK's ResampleImageFilter and
 * ANTs' antsApplyTransforms.
 *
 * <p>Direction and space: {@code transform} maps a target (fixed) world point to the source
 * (moving) world point, both RAS+ mm, which is the direction registration produces. For every
 * target voxel centre {@code p} the output value is the source image read at {@code
 * transform.apply(p)}. Work is in world coordinates, so source and target may have any voxel
 * layout, orientation or obliquity.
 *
 * <p>A point is inside the source when its continuous voxel index lies in {@code [-0.5, n - 0.5]}
 * on every axis; neighbours beyond the edge repeat the edge voxel. Points outside get the fill
 * value. Work runs over z slabs on {@code threads} threads; the result does not depend on the
 * thread count. The class is stateless and thread-safe.
 */
public final class Resampler {
  private Resampler() {}

  /** Resamples an intensity image with the default thread count. */
  public static FloatVolume resample(
      FloatVolume source, Grid target, AffineTransform transform, Interpolation interpolation, float fill) {
    return resample(source, target, transform, interpolation, fill, Slabs.defaultThreads());
  }

  /**
   * Resamples an intensity image.
   *
   * @param interpolation NEAREST, LINEAR or BSPLINE; LABEL is for {@link #resampleLabels}
   * @param fill value for target voxels that map outside the source
   */
  public static FloatVolume resample(FloatVolume source, Grid target, AffineTransform transform,
      Interpolation interpolation, float fill, int threads) {
    Affine voxelMap = voxelMap(source.grid(), target, transform);
    Dimensions sourceDims = source.grid().dimensions();
    float[] values = source.voxelArray();
    float[] out = new float[target.voxelCount()];
    VolumeSampler sampler = switch (interpolation) {
      case NEAREST -> new VolumeSampler.Nearest(values, sourceDims);
      case LINEAR -> new VolumeSampler.Linear(values, sourceDims);
      case BSPLINE -> new VolumeSampler.CubicBSpline(BSplineCoefficients.of(values, sourceDims, threads), sourceDims);
      case LABEL -> throw new IllegalArgumentException(
          "label interpolation applies to label maps; use resampleLabels or nearest, linear or bspline");
    };
    Dimensions dims = target.dimensions();
    Slabs.run(dims.nz(), threads, (zStart, zEnd) -> {
      for (int z = zStart; z < zEnd; z++) {
        for (int y = 0; y < dims.ny(); y++) {
          int index = dims.index(0, y, z);
          for (int x = 0; x < dims.nx(); x++) {
            double u = voxelMap.applyX(x, y, z);
            double v = voxelMap.applyY(x, y, z);
            double w = voxelMap.applyZ(x, y, z);
            out[index + x] = isInside(u, v, w, sourceDims) ? sampler.sample(u, v, w) : fill;
          }
        }
      }
    });
    return FloatVolume.wrap(target, out);
  }

  /** Resamples a label map with the default thread count. */
  public static LabelVolume resampleLabels(
      LabelVolume source, Grid target, AffineTransform transform, Interpolation interpolation, int fillLabel) {
    return resampleLabels(source, target, transform, interpolation, fillLabel, Slabs.defaultThreads());
  }

  /**
   * Resamples a label map with NEAREST or LABEL interpolation; {@code fillLabel} (0..255) marks
   * target voxels that map outside the source.
   */
  public static LabelVolume resampleLabels(LabelVolume source, Grid target, AffineTransform transform,
      Interpolation interpolation, int fillLabel, int threads) {
    if (interpolation != Interpolation.NEAREST && interpolation != Interpolation.LABEL) {
      throw new IllegalArgumentException(
          "label maps are resampled with nearest or label interpolation, not " + interpolation.name().toLowerCase());
    }
    if (fillLabel < 0 || fillLabel > 255) {
      throw new IllegalArgumentException("fill label must be in 0..255 but was " + fillLabel);
    }
    Affine voxelMap = voxelMap(source.grid(), target, transform);
    Dimensions sourceDims = source.grid().dimensions();
    byte[] labels = source.labelArray();
    byte[] out = new byte[target.voxelCount()];
    byte fill = (byte) fillLabel;
    boolean nearest = interpolation == Interpolation.NEAREST;
    Dimensions dims = target.dimensions();
    Slabs.run(dims.nz(), threads, (zStart, zEnd) -> {
      double[] weights = new double[256];
      for (int z = zStart; z < zEnd; z++) {
        for (int y = 0; y < dims.ny(); y++) {
          int index = dims.index(0, y, z);
          for (int x = 0; x < dims.nx(); x++) {
            double u = voxelMap.applyX(x, y, z);
            double v = voxelMap.applyY(x, y, z);
            double w = voxelMap.applyZ(x, y, z);
            if (!isInside(u, v, w, sourceDims)) {
              out[index + x] = fill;
            } else if (nearest) {
              out[index + x] = labels[VolumeSampler.nearestIndex(u, v, w, sourceDims)];
            } else {
              out[index + x] = (byte) VolumeSampler.majorityLabel(labels, sourceDims, u, v, w, weights);
            }
          }
        }
      }
    });
    return LabelVolume.wrap(target, out);
  }

  /**
   * Returns the map from target voxel indices to continuous source voxel indices: target voxel to
   * target world, through the transform, then source world to source voxel.
   */
  public static Affine voxelMap(Grid source, Grid target, AffineTransform transform) {
    return source.affine().inverse().compose(transform.toAffine()).compose(target.affine());
  }

  static boolean isInside(double u, double v, double w, Dimensions d) {
    return u >= -0.5 && u <= d.nx() - 0.5 && v >= -0.5 && v <= d.ny() - 0.5 && w >= -0.5 && w <= d.nz() - 0.5;
  }
}
