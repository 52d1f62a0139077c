package io.github.bratsensemble.preprocessor.qc;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;

/**
 * Renders orthogonal slices of an image on the BraTS grid (voxel i runs to the patient's left, j
 * posterior, k superior) in radiological display: the patient's right on the left of the picture,
 * anterior or superior at the top.
 */
final class SliceRenderer {
  /** Outline colour of the brain mask (RGB). */
  static final int OUTLINE_RGB = 0xFF3030;
  static final int WINDOW_BINS = 4096;

  /** A slice direction. */
  enum View {
    AXIAL,
    CORONAL,
    SAGITTAL
  }

  private SliceRenderer() {}

  /** Returns the width and height of a view of {@code d}. */
  static int[] size(Dimensions d, View view) {
    return switch (view) {
      case AXIAL -> new int[] {d.nx(), d.ny()};
      case CORONAL -> new int[] {d.nx(), d.nz()};
      case SAGITTAL -> new int[] {d.ny(), d.nz()};
    };
  }

  /** Returns the flat voxel index shown at picture column {@code u}, row {@code v} of a view. */
  static int voxelIndex(Dimensions d, View view, int slice, int u, int v) {
    return switch (view) {
      case AXIAL -> d.index(u, v, slice);
      case CORONAL -> d.index(u, slice, d.nz() - 1 - v);
      case SAGITTAL -> d.index(slice, u, d.nz() - 1 - v);
    };
  }

  /**
   * Returns the display window {low, high}: the 0.5th and 99.5th percentiles of the voxels above 0,
   * read from a histogram of {@value #WINDOW_BINS} bins, so they are exact to 1/{@value
   * #WINDOW_BINS} of the value range.
   */
  static float[] window(FloatVolume image) {
    float max = Float.NEGATIVE_INFINITY;
    long n = 0;
    for (float x : image.voxelArray()) {
      if (x > 0) {
        max = Math.max(max, x);
        n++;
      }
    }
    if (n == 0) {
      return new float[] {0, 1};
    }
    long[] counts = new long[WINDOW_BINS];
    for (float x : image.voxelArray()) {
      if (x > 0) {
        counts[Math.min(WINDOW_BINS - 1, (int) (x / max * WINDOW_BINS))]++;
      }
    }
    float low = binValue(counts, (long) (0.005 * (n - 1)), max);
    float high = binValue(counts, (long) (0.995 * (n - 1)), max);
    return high > low ? new float[] {low, high} : new float[] {low, low + 1};
  }

  /** Returns the lower edge of the bin that contains the value of rank {@code rank} (0-based). */
  private static float binValue(long[] counts, long rank, float max) {
    long seen = 0;
    for (int b = 0; b < counts.length; b++) {
      seen += counts[b];
      if (seen > rank) {
        return (float) b / WINDOW_BINS * max;
      }
    }
    return max;
  }

  static int gray(float value, float[] window) {
    int g = Math.round((value - window[0]) / (window[1] - window[0]) * 255f);
    g = Math.max(0, Math.min(255, g));
    return (g << 16) | (g << 8) | g;
  }

  /** Draws one slice at ({@code left}, {@code top}) of {@code canvas}, with the mask outline if a mask is given. */
  static void draw(BufferedImage canvas, int left, int top, FloatVolume image, float[] window, LabelVolume mask,
      View view, int slice) {
    Dimensions d = image.grid().dimensions();
    int[] wh = size(d, view);
    for (int v = 0; v < wh[1]; v++) {
      for (int u = 0; u < wh[0]; u++) {
        int index = voxelIndex(d, view, slice, u, v);
        int rgb = gray(image.value(index), window);
        if (mask != null && isOutline(mask, d, view, slice, u, v, wh)) {
          rgb = OUTLINE_RGB;
        }
        canvas.setRGB(left + u, top + v, rgb);
      }
    }
  }

  /** Returns whether picture pixel (u, v) is in the mask with a 4-neighbour outside it. */
  static boolean isOutline(LabelVolume mask, Dimensions d, View view, int slice, int u, int v, int[] wh) {
    if (mask.label(voxelIndex(d, view, slice, u, v)) == 0) {
      return false;
    }
    int[][] neighbours = {{u - 1, v}, {u + 1, v}, {u, v - 1}, {u, v + 1}};
    for (int[] p : neighbours) {
      if (p[0] < 0 || p[1] < 0 || p[0] >= wh[0] || p[1] >= wh[1]
          || mask.label(voxelIndex(d, view, slice, p[0], p[1])) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Returns the slice index of each view through the mask's centroid, or the grid centre for an empty mask. */
  static int[] centroidSlices(LabelVolume mask) {
    Dimensions d = mask.grid().dimensions();
    long sx = 0;
    long sy = 0;
    long sz = 0;
    long n = 0;
    int i = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++, i++) {
          if (mask.label(i) != 0) {
            sx += x;
            sy += y;
            sz += z;
            n++;
          }
        }
      }
    }
    if (n == 0) {
      return new int[] {d.nz() / 2, d.ny() / 2, d.nx() / 2};
    }
    return new int[] {(int) (sz / n), (int) (sy / n), (int) (sx / n)};
  }
}
