package io.github.bratsensemble.preprocessor.pipeline;

import java.util.Locale;

/** The method that makes the brain mask of a case. */
public enum BrainExtractionMethod {
  /** brainchop's MindGrab model on the centre sequence in native space. */
  MINDGRAB,
  /** The brain mask of the registered atlas, mapped back to native space; no model needed. */
  ATLAS,
  /** Inputs are already skull-stripped: the brain is every voxel of the centre sequence above 0. */
  NONE;

  /** Parses {@code mindgrab}, {@code atlas} or {@code none}, ignoring case. */
  public static BrainExtractionMethod parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown brain extraction \"" + name + "\"; expected mindgrab, atlas or none");
    }
  }

  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
