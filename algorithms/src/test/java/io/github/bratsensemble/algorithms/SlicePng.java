package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes one axial slice as a PNG for visual checks: the given images side by side in grey
 * (windowed to the slice's non-zero range), then each label map over the last image, with NCR
 * red, ED green and ET yellow.
 */
public final class SlicePng {
  private SlicePng() {}

  public static void write(Path file, int z, List<FloatVolume> images, List<LabelVolume> labelMaps) throws IOException {
    int nx = images.get(0).grid().dimensions().nx();
    int ny = images.get(0).grid().dimensions().ny();
    int panels = images.size() + labelMaps.size();
    BufferedImage png = new BufferedImage(nx * panels, ny, BufferedImage.TYPE_INT_RGB);
    for (int p = 0; p < panels; p++) {
      FloatVolume image = images.get(Math.min(p, images.size() - 1));
      float low = Float.POSITIVE_INFINITY;
      float high = Float.NEGATIVE_INFINITY;
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          float v = image.value(x, y, z);
          if (v != 0) {
            low = Math.min(low, v);
            high = Math.max(high, v);
          }
        }
      }
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int grey = high > low ? (int) Math.max(0, Math.min(255, 255 * (image.value(x, y, z) - low) / (high - low))) : 0;
          int rgb = (grey << 16) | (grey << 8) | grey;
          if (p >= images.size()) {
            int label = labelMaps.get(p - images.size()).label(x, y, z);
            if (label == 1) {
              rgb = 0xFF3C3C;
            } else if (label == 2) {
              rgb = 0x3CDC3C;
            } else if (label == 3 || label == 4) {
              rgb = 0xFFFF00;
            }
          }
          png.setRGB(p * nx + x, y, rgb);
        }
      }
    }
    ImageIO.write(png, "png", file.toFile());
  }
}
