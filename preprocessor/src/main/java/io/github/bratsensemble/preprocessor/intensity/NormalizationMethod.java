package io.github.bratsensemble.preprocessor.intensity;

import java.util.Locale;

/** Intensity normalisation of BraTS-space images, computed over the brain mask. */
public enum NormalizationMethod {
  /** Values unchanged. */
  NONE,
  /** Zero mean and unit standard deviation over the brain; background stays 0. */
  ZSCORE,
  /** The 0.5th and 99.5th brain percentiles mapped to 0 and 1, values clipped to [0, 1]. */
  PERCENTILE;

  /** Parses {@code none}, {@code zscore} or {@code percentile}, ignoring case. */
  public static NormalizationMethod parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown normalisation \"" + name + "\"; expected zscore, percentile or none");
    }
  }

  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
