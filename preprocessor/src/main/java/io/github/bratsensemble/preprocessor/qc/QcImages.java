package io.github.bratsensemble.preprocessor.qc;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Quality-control pictures of a preprocessed case, for a person to check at a glance.
 *
 * <ul>
 *   <li>{@link #montage}: one row per image (in the order given), with an axial, a coronal and a
 *       sagittal slice through the centroid of the brain mask, the mask outline drawn in red;
 *   <li>{@link #checkerboard}: the same three views alternating between two images in squares of
 *       {@value #SQUARE_VOXELS} voxels, so misalignment shows as broken edges at square borders.
 * </ul>
 * Each image is windowed separately between the 0.5th and 99.5th percentiles of its voxels above 0.
 * Pictures are written as PNG through {@link ImageIO}, atomically.
 */
public final class QcImages {
  static final int SQUARE_VOXELS = 20;
  private static final SliceRenderer.View[] VIEWS = SliceRenderer.View.values();

  private QcImages() {}

  /** Returns the montage of {@code images} (all on {@code mask}'s grid). */
  public static BufferedImage montage(List<FloatVolume> images, LabelVolume mask) {
    Dimensions d = mask.grid().dimensions();
    int[] slices = SliceRenderer.centroidSlices(mask);
    int rowHeight = rowHeight(d);
    BufferedImage canvas = new BufferedImage(rowWidth(d), rowHeight * images.size(), BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < images.size(); row++) {
      FloatVolume image = images.get(row);
      float[] window = SliceRenderer.window(image);
      int left = 0;
      for (int v = 0; v < VIEWS.length; v++) {
        SliceRenderer.draw(canvas, left, row * rowHeight, image, window, mask, VIEWS[v], slices[v]);
        left += SliceRenderer.size(d, VIEWS[v])[0];
      }
    }
    return canvas;
  }

  /** Returns the checkerboard of {@code first} and {@code second} (same grid) through the mask centroid. */
  public static BufferedImage checkerboard(FloatVolume first, FloatVolume second, LabelVolume mask) {
    Dimensions d = first.grid().dimensions();
    int[] slices = SliceRenderer.centroidSlices(mask);
    float[] windowFirst = SliceRenderer.window(first);
    float[] windowSecond = SliceRenderer.window(second);
    BufferedImage canvas = new BufferedImage(rowWidth(d), rowHeight(d), BufferedImage.TYPE_INT_RGB);
    int left = 0;
    for (int view = 0; view < VIEWS.length; view++) {
      int[] wh = SliceRenderer.size(d, VIEWS[view]);
      for (int v = 0; v < wh[1]; v++) {
        for (int u = 0; u < wh[0]; u++) {
          int index = SliceRenderer.voxelIndex(d, VIEWS[view], slices[view], u, v);
          boolean useFirst = ((u / SQUARE_VOXELS) + (v / SQUARE_VOXELS)) % 2 == 0;
          int rgb = useFirst
              ? SliceRenderer.gray(first.value(index), windowFirst)
              : SliceRenderer.gray(second.value(index), windowSecond);
          canvas.setRGB(left + u, v, rgb);
        }
      }
      left += wh[0];
    }
    return canvas;
  }

  /** Writes a picture as PNG, atomically. */
  public static void writePng(Path file, BufferedImage picture) throws IOException {
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(picture, "png", out)) {
        throw new IOException(file + ": no PNG writer in this Java runtime");
      }
    });
  }

  private static int rowWidth(Dimensions d) {
    int width = 0;
    for (SliceRenderer.View view : VIEWS) {
      width += SliceRenderer.size(d, view)[0];
    }
    return width;
  }

  private static int rowHeight(Dimensions d) {
    int height = 0;
    for (SliceRenderer.View view : VIEWS) {
      height = Math.max(height, SliceRenderer.size(d, view)[1]);
    }
    return height;
  }
}
