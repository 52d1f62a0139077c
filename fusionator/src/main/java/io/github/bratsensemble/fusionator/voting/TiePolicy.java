package io.github.bratsensemble.fusionator.voting;

import java.util.Locale;

/**
 * The rule a plurality vote applies when two or more labels receive the same largest vote.
 *
 * <ul>
 *   <li>{@code background} (default): the voxel becomes background (0). This is the same as
 *       {@code undecided=0}; it is kept as the named default.
 *   <li>{@code undecided=<label>}: the voxel becomes the given label (0..255), which may lie
 *       outside the convention to mark voxels for review. With label 0 the majority vote equals
 *       ITK's LabelVotingImageFilter.
 *   <li>{@code highest-priority}: the tied label that ranks highest in the convention's priority
 *       order wins (ET over NCR over ED over background for BraTS conventions).
 * </ul>
 *
 * <p>Ties are exact equalities of vote sums accumulated in double precision in input order.
 */
public record TiePolicy(Kind kind, int undecidedLabel) {

  /** The policy family. */
  public enum Kind {
    BACKGROUND,
    UNDECIDED,
    HIGHEST_PRIORITY
  }

  public static final TiePolicy BACKGROUND = new TiePolicy(Kind.BACKGROUND, 0);
  public static final TiePolicy HIGHEST_PRIORITY = new TiePolicy(Kind.HIGHEST_PRIORITY, 0);

  public TiePolicy {
    if (kind == null) {
      throw new IllegalArgumentException("tie policy kind is required");
    }
    if (undecidedLabel < 0 || undecidedLabel > 255) {
      throw new IllegalArgumentException("undecided label must be in 0..255 but was " + undecidedLabel);
    }
  }

  public static TiePolicy undecided(int label) {
    return new TiePolicy(Kind.UNDECIDED, label);
  }

  /**
   * Parses {@code background}, {@code undecided=<label>} or {@code highest-priority}.
   *
   * @throws IllegalArgumentException naming the text when it matches none of these
   */
  public static TiePolicy parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("background")) {
      return BACKGROUND;
    }
    if (lower.equals("highest-priority")) {
      return HIGHEST_PRIORITY;
    }
    if (lower.startsWith("undecided=")) {
      String value = lower.substring("undecided=".length());
      int label;
      try {
        label = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "invalid tie policy '" + text + "': '" + value + "' is not an integer label", e);
      }
      if (label < 0 || label > 255) {
        throw new IllegalArgumentException(
            "invalid tie policy '" + text + "': the undecided label must be in 0..255 but was " + label);
      }
      return undecided(label);
    }
    throw new IllegalArgumentException(
        "invalid tie policy '" + text + "': expected background, undecided=<label> or highest-priority");
  }

  /** Returns the text form accepted by {@link #parse}. */
  public String text() {
    return switch (kind) {
      case BACKGROUND -> "background";
      case UNDECIDED -> "undecided=" + undecidedLabel;
      case HIGHEST_PRIORITY -> "highest-priority";
    };
  }

  @Override
  public String toString() {
    return text();
  }
}
