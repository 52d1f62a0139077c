package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.nio.file.Path;

/** Checks that an input image has something a model can segment before the model runs. */
final class ImageContent {
  private ImageContent() {}

  /**
   * Checks that {@code image} has finite voxels above 0 with at least two different values.
   *
   * @param required what the command needs, ending the message, such as "a T1-weighted image is required"
   * @throws IllegalArgumentException naming the file when the image is empty or constant
   */
  static void requireContrast(Path file, FloatVolume image, String required) {
    float low = Float.POSITIVE_INFINITY;
    float high = Float.NEGATIVE_INFINITY;
    for (float v : image.voxelArray()) {
      if (v > 0 && Float.isFinite(v)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    if (low > high) {
      throw new IllegalArgumentException(file + ": no voxel is above 0; " + required);
    }
    if (low == high) {
      throw new IllegalArgumentException(file + ": every voxel above 0 has the value " + low + "; " + required);
    }
  }
}
