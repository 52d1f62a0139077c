package io.github.bratsensemble.cli.report;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Renders orthogonal slices of volumes stored in LAS orientation (see {@link SliceView}) as PNG
 * images, in radiological convention: the patient's right on the image's left, anterior at the top
 * of axial slices, superior at the top of coronal and sagittal slices, anterior on the left of
 * sagittal slices. Pixels are square millimetres scaled by {@link #PIXELS_PER_MM}, sampled by
 * nearest neighbour. Stateless and thread-safe.
 */
final class SliceRenderer {
  /** Display scale: output pixels per millimetre. */
  static final double PIXELS_PER_MM = 1.5;
  /** Opacity of label colours over the background. */
  private static final double OVERLAY_ALPHA = 0.45;

  private SliceRenderer() {}

  /** The three orthogonal planes. */
  enum Plane {
    AXIAL,
    CORONAL,
    SAGITTAL
  }

  /** Histogram bins used to estimate the window percentiles. */
  private static final int WINDOW_BINS = 4096;

  /**
   * Returns the intensity window of an image: the 0.5th and 99.5th percentiles of its non-zero
   * finite voxels, estimated from a {@value #WINDOW_BINS}-bin histogram (exact to one bin width).
   */
  static float[] window(FloatVolume image) {
    float[] voxels = image.voxelArray();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    long nonZero = 0;
    for (float v : voxels) {
      if (v != 0 && Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        nonZero++;
      }
    }
    if (nonZero == 0) {
      return new float[] {0, 1};
    }
    if (max <= min) {
      return new float[] {min, min + 1};
    }
    long[] histogram = new long[WINDOW_BINS];
    double scale = (WINDOW_BINS - 1) / (double) (max - min);
    for (float v : voxels) {
      if (v != 0 && Float.isFinite(v)) {
        histogram[(int) ((v - min) * scale)]++;
      }
    }
    float low = binValue(histogram, 0.005 * nonZero, min, scale);
    float high = binValue(histogram, 0.995 * nonZero, min, scale);
    return high > low ? new float[] {low, high} : new float[] {low, low + 1};
  }

  /** Returns the lower edge of the first bin at which the cumulative count reaches {@code rank}. */
  private static float binValue(long[] histogram, double rank, float min, double scale) {
    long cumulative = 0;
    for (int bin = 0; bin < histogram.length; bin++) {
      cumulative += histogram[bin];
      if (cumulative >= rank) {
        return (float) (min + bin / scale);
      }
    }
    return (float) (min + (histogram.length - 1) / scale);
  }

  /**
   * Renders one slice of {@code background} (grey, windowed to {@code window}) with {@code labels}
   * overlaid in {@code palette} colours (RGB by label, 0 = no colour); either may be {@code null}.
   */
  static BufferedImage render(SliceView view, Plane plane, FloatVolume background, float[] window,
      LabelVolume labels, int[] palette) {
    int[] size = view.pixelSize(plane);
    BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
    float[] voxels = background == null ? null : background.voxelArray();
    byte[] labelArray = labels == null ? null : labels.labelArray();
    for (int row = 0; row < size[1]; row++) {
      for (int column = 0; column < size[0]; column++) {
        int index = view.voxelAt(plane, size, column, row);
        int grey = 0;
        if (voxels != null) {
          double scaled = (voxels[index] - window[0]) / (window[1] - window[0]);
          grey = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isFinite(scaled) ? scaled : 0)));
        }
        int red = grey;
        int green = grey;
        int blue = grey;
        if (labelArray != null) {
          int colour = palette[labelArray[index] & 0xFF];
          if (colour != 0) {
            red = blend(grey, (colour >> 16) & 0xFF);
            green = blend(grey, (colour >> 8) & 0xFF);
            blue = blend(grey, colour & 0xFF);
          }
        }
        image.setRGB(column, row, (red << 16) | (green << 8) | blue);
      }
    }
    return image;
  }

  /** Renders a slice of a non-negative map (such as vote entropy) from black through red to yellow. */
  static BufferedImage renderHeat(SliceView view, Plane plane, FloatVolume map, double maxValue) {
    int[] size = view.pixelSize(plane);
    BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
    float[] voxels = map.voxelArray();
    for (int row = 0; row < size[1]; row++) {
      for (int column = 0; column < size[0]; column++) {
        double t = maxValue > 0 ? voxels[view.voxelAt(plane, size, column, row)] / maxValue : 0;
        t = Math.max(0, Math.min(1, Double.isFinite(t) ? t : 0));
        int red = (int) Math.round(255 * Math.min(1, 2 * t));
        int green = (int) Math.round(255 * Math.max(0, 2 * t - 1));
        image.setRGB(column, row, (red << 16) | (green << 8) | (int) Math.round(60 * (1 - t) * (t > 0 ? 1 : 0)));
      }
    }
    return image;
  }

  private static int blend(int grey, int colour) {
    return (int) Math.round((1 - OVERLAY_ALPHA) * grey + OVERLAY_ALPHA * colour);
  }

  /** Encodes an image as a {@code data:image/png;base64,...} URI. */
  static String dataUri(BufferedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalStateException("no PNG writer is available in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}
