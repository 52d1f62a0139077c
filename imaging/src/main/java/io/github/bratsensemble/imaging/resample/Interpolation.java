package io.github.bratsensemble.imaging.resample;

import java.util.Locale;

/** How {@link Resampler} reads a source image between voxel centres. */
public enum Interpolation {
  /** The value of the nearest voxel centre (halves round up, as in ITK); for label maps and masks. */
  NEAREST,
  /** Trilinear interpolation of the 8 surrounding voxels; for intensity images. */
  LINEAR,
  /** Cubic B-spline interpolation after prefiltering the image into spline coefficients; for intensity images. */
  BSPLINE,
  /**
   * For label maps: each label's indicator image is interpolated trilinearly and the label with the
   * largest value wins; a tie goes to the nearest voxel's label when it is among the tied labels,
   * otherwise to the smaller label.
   */
  LABEL;

  /** Parses a name such as {@code "linear"} or {@code "label"}, ignoring case. */
  public static Interpolation parse(String name) {
    String key = name.strip().toUpperCase(Locale.ROOT);
    if (key.equals("TRILINEAR")) {
      return LINEAR;
    }
    if (key.equals("NEAREST_NEIGHBOR") || key.equals("NEARESTNEIGHBOR")) {
      return NEAREST;
    }
    try {
      return valueOf(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown interpolation \"" + name + "\"; expected nearest, linear, bspline or label");
    }
  }
}
