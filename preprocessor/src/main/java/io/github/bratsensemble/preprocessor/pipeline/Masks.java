package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Small operations on binary brain masks (0/1 label maps). */
final class Masks {
  private Masks() {}

  /** Returns 1 where {@code image} is above {@code threshold}, else 0. */
  static LabelVolume above(FloatVolume image, float threshold) {
    float[] v = image.voxelArray();
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) (v[i] > threshold ? 1 : 0);
    }
    return LabelVolume.wrap(image.grid(), out);
  }

  /** Returns the number of voxels in the mask. */
  static long count(LabelVolume mask) {
    long n = 0;
    for (byte b : mask.labelArray()) {
      if (b != 0) {
        n++;
      }
    }
    return n;
  }

  /** Clamps every value to [{@code min}, {@code max}] in place; removes the overshoot of B-spline interpolation. */
  static void clamp(float[] values, float min, float max) {
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(min, Math.min(max, values[i]));
    }
  }

  /** Returns the grid of every second voxel of {@code grid} along each axis, starting at voxel 0. */
  static Grid everySecondVoxel(Grid grid) {
    Dimensions d = grid.dimensions();
    Dimensions half = new Dimensions((d.nx() + 1) / 2, (d.ny() + 1) / 2, (d.nz() + 1) / 2);
    return new Grid(half, grid.affine().compose(Affine.scaling(2, 2, 2, 0, 0, 0)));
  }

  /** Returns the voxels of {@code image} that lie on {@code half}, a grid from {@link #everySecondVoxel(Grid)}. */
  static FloatVolume everySecondVoxel(FloatVolume image, Grid half) {
    Dimensions d = image.grid().dimensions();
    Dimensions h = half.dimensions();
    float[] out = new float[h.voxelCount()];
    int i = 0;
    for (int z = 0; z < h.nz(); z++) {
      for (int y = 0; y < h.ny(); y++) {
        for (int x = 0; x < h.nx(); x++) {
          out[i++] = image.value(d.index(2 * x, 2 * y, 2 * z));
        }
      }
    }
    return FloatVolume.wrap(half, out);
  }

  /** Returns the labels of {@code mask} that lie on {@code half}, a grid from {@link #everySecondVoxel(Grid)}. */
  static LabelVolume everySecondVoxel(LabelVolume mask, Grid half) {
    Dimensions d = mask.grid().dimensions();
    Dimensions h = half.dimensions();
    byte[] out = new byte[h.voxelCount()];
    int i = 0;
    for (int z = 0; z < h.nz(); z++) {
      for (int y = 0; y < h.ny(); y++) {
        for (int x = 0; x < h.nx(); x++) {
          out[i++] = (byte) mask.label(d.index(2 * x, 2 * y, 2 * z));
        }
      }
    }
    return LabelVolume.wrap(half, out);
  }

  /**
   * Returns the smallest sub-grid of {@code mask}'s grid that contains every mask voxel, with the same
   * voxel positions, or null for an empty mask. Its affine is the full grid's shifted to the box's
   * first voxel.
   */
  static Grid boundingBox(LabelVolume mask) {
    Dimensions d = mask.grid().dimensions();
    int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] hi = {-1, -1, -1};
    byte[] m = mask.labelArray();
    int i = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++, i++) {
          if (m[i] != 0) {
            lo[0] = Math.min(lo[0], x);
            lo[1] = Math.min(lo[1], y);
            lo[2] = Math.min(lo[2], z);
            hi[0] = Math.max(hi[0], x);
            hi[1] = Math.max(hi[1], y);
            hi[2] = Math.max(hi[2], z);
          }
        }
      }
    }
    if (hi[0] < 0) {
      return null;
    }
    Dimensions box = new Dimensions(hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1);
    return new Grid(box, mask.grid().affine().compose(Affine.translation(lo[0], lo[1], lo[2])));
  }

  /**
   * Returns an image on {@code full} that contains {@code part} (on a sub-grid from {@link
   * #boundingBox}) at its place and 0 elsewhere.
   */
  static FloatVolume paste(FloatVolume part, Grid full) {
    double[] origin = full.affine().inverse().apply(part.grid().affine().translationPart());
    int x0 = (int) Math.round(origin[0]);
    int y0 = (int) Math.round(origin[1]);
    int z0 = (int) Math.round(origin[2]);
    Dimensions d = full.dimensions();
    Dimensions p = part.grid().dimensions();
    float[] out = new float[d.voxelCount()];
    float[] in = part.voxelArray();
    for (int z = 0; z < p.nz(); z++) {
      for (int y = 0; y < p.ny(); y++) {
        System.arraycopy(in, p.index(0, y, z), out, d.index(x0, y0 + y, z0 + z), p.nx());
      }
    }
    return FloatVolume.wrap(full, out);
  }
}
