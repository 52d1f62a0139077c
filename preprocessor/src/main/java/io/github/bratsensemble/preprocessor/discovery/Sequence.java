package io.github.bratsensemble.preprocessor.discovery;

import java.util.Locale;

/**
 * The four structural MRI sequences of a BraTS case, named as BraTS 2023 names them: native T1
 * ({@code t1n}), contrast-enhanced T1 ({@code t1c}), T2-weighted ({@code t2w}) and T2 FLAIR
 * ({@code t2f}).
 */
public enum Sequence {
  T1N("t1n", "t1"),
  T1C("t1c", "t1c"),
  T2W("t2w", "t2"),
  T2F("t2f", "flair");

  private final String suffix;
  private final String optionName;

  Sequence(String suffix, String optionName) {
    this.suffix = suffix;
    this.optionName = optionName;
  }

  /** Returns the BraTS 2023 file name suffix, such as {@code t1c} in {@code case-t1c.nii.gz}. */
  public String suffix() {
    return suffix;
  }

  /** Returns the command-line name, such as {@code t1} for {@code --t1} and {@code --center t1}. */
  public String optionName() {
    return optionName;
  }

  /**
   * Parses a sequence name in any of the supported conventions, ignoring case: t1/t1n, t1c/t1ce,
   * t2/t2w, flair/fla/t2f.
   *
   * @throws IllegalArgumentException if the name is none of these
   */
  public static Sequence parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "t1", "t1n", "t1w" -> T1N;
      case "t1c", "t1ce", "t1gd" -> T1C;
      case "t2", "t2w" -> T2W;
      case "flair", "fla", "t2f" -> T2F;
      default -> throw new IllegalArgumentException(
          "unknown sequence \"" + name + "\"; expected t1, t1c, t2 or flair (or t1n, t1c, t2w, t2f)");
    };
  }

  @Override
  public String toString() {
    return suffix;
  }
}
