package io.github.bratsensemble.fusionator.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The meaning of the labels in a segmentation, declared by the user and never guessed from the
 * label set: label 4 is enhancing tumour in BraTS 2017-2021 but not in later tasks.
 *
 * <ul>
 *   <li>{@code brats2021}: 1 NCR/NET, 2 ED (oedema), 4 ET (enhancing tumour).
 *   <li>{@code brats2023}: 1 NCR, 2 ED, 3 ET.
 *   <li>{@code custom:a,b,c}: the listed foreground labels (1..255), with no regions. The list order
 *       is the priority order used by the {@code highest-priority} tie policy, first listed first.
 * </ul>
 *
 * <p>Label 0 is always background. Class indices number background 0 and the foreground labels
 * 1..n in ascending label order. Instances are immutable and thread-safe.
 */
public final class LabelConvention {

  /** The convention family. */
  public enum Kind {
    BRATS2021,
    BRATS2023,
    CUSTOM
  }

  public static final LabelConvention BRATS2021 = new LabelConvention(Kind.BRATS2021, new int[] {4, 1, 2});
  public static final LabelConvention BRATS2023 = new LabelConvention(Kind.BRATS2023, new int[] {3, 1, 2});

  private final Kind kind;
  /** Foreground labels in priority order, highest priority first. */
  private final int[] priorityOrder;
  /** Background followed by the foreground labels in ascending order; index = class index. */
  private final int[] classLabels;
  /** Class index by label value 0..255, or -1 for labels outside the convention. */
  private final int[] classByLabel;

  private LabelConvention(Kind kind, int[] priorityOrder) {
    this.kind = kind;
    this.priorityOrder = priorityOrder;
    int[] sorted = priorityOrder.clone();
    Arrays.sort(sorted);
    this.classLabels = new int[sorted.length + 1];
    System.arraycopy(sorted, 0, classLabels, 1, sorted.length);
    this.classByLabel = new int[256];
    Arrays.fill(classByLabel, -1);
    for (int c = 0; c < classLabels.length; c++) {
      classByLabel[classLabels[c]] = c;
    }
  }

  /**
   * Parses {@code brats2021}, {@code brats2023} or {@code custom:L1,L2,...} (case-insensitive
   * names).
   *
   * @throws IllegalArgumentException naming the text when it is not one of these, or when a custom
   *     label is outside 1..255 or repeated
   */
  public static LabelConvention parse(String text) {
    String trimmed = text.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.equals("brats2021")) {
      return BRATS2021;
    }
    if (lower.equals("brats2023")) {
      return BRATS2023;
    }
    if (lower.startsWith("custom:")) {
      return custom(parseLabelList(trimmed, trimmed.substring("custom:".length())));
    }
    throw new IllegalArgumentException(
        "invalid label convention '" + text + "': expected brats2021, brats2023 or custom:L1,L2,...");
  }

  /** Creates a custom convention; the order of {@code labels} is the priority order, first highest. */
  public static LabelConvention custom(int... labels) {
    if (labels.length == 0) {
      throw new IllegalArgumentException("a custom label convention needs at least one foreground label");
    }
    boolean[] seen = new boolean[256];
    for (int label : labels) {
      if (label < 1 || label > 255) {
        throw new IllegalArgumentException("custom label must be in 1..255 but was " + label);
      }
      if (seen[label]) {
        throw new IllegalArgumentException("custom label " + label + " is listed twice");
      }
      seen[label] = true;
    }
    return new LabelConvention(Kind.CUSTOM, labels.clone());
  }

  private static int[] parseLabelList(String text, String list) {
    List<Integer> labels = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      try {
        labels.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "invalid label convention '" + text + "': '" + part.trim() + "' is not an integer label", e);
      }
    }
    return labels.stream().mapToInt(Integer::intValue).toArray();
  }

  public Kind kind() {
    return kind;
  }

  /** Returns whether this is a BraTS convention, which defines the regions WT, TC and ET. */
  public boolean isBrats() {
    return kind != Kind.CUSTOM;
  }

  /** Returns the necrotic / non-enhancing core label (1). Only defined for BraTS conventions. */
  public int ncr() {
    requireBrats();
    return 1;
  }

  /** Returns the oedema label (2). Only defined for BraTS conventions. */
  public int ed() {
    requireBrats();
    return 2;
  }

  /** Returns the enhancing tumour label: 4 in brats2021, 3 in brats2023. */
  public int et() {
    requireBrats();
    return kind == Kind.BRATS2021 ? 4 : 3;
  }

  private void requireBrats() {
    if (!isBrats()) {
      throw new IllegalStateException("convention " + name() + " defines no BraTS regions");
    }
  }

  /** Returns the number of classes: background plus the foreground labels. */
  public int classCount() {
    return classLabels.length;
  }

  /** Returns the label of class {@code classIndex}; class 0 is background. */
  public int labelOfClass(int classIndex) {
    return classLabels[classIndex];
  }

  /** Returns the class index of {@code label}, or -1 when the label is not part of this convention. */
  public int classOf(int label) {
    return label < 0 || label > 255 ? -1 : classByLabel[label];
  }

  /** Returns whether {@code label} is background or one of this convention's labels. */
  public boolean allows(int label) {
    return classOf(label) >= 0;
  }

  /** Returns the foreground labels in ascending order. */
  public int[] foregroundLabels() {
    return Arrays.copyOfRange(classLabels, 1, classLabels.length);
  }

  /** Returns the foreground labels in priority order, highest first (ET, NCR, ED for BraTS). */
  public int[] priorityOrder() {
    return priorityOrder.clone();
  }

  /**
   * Returns the tie-break rank of each class: larger wins. Background has rank 0; the highest
   * priority label has rank {@code classCount() - 1}.
   */
  public int[] classRanks() {
    int[] ranks = new int[classLabels.length];
    for (int i = 0; i < priorityOrder.length; i++) {
      ranks[classOf(priorityOrder[i])] = priorityOrder.length - i;
    }
    return ranks;
  }

  /** Returns {@code 0, 1, 2, 4} style text: background and the foreground labels in ascending order. */
  public String describeLabels() {
    StringJoiner joiner = new StringJoiner(", ");
    for (int label : classLabels) {
      joiner.add(Integer.toString(label));
    }
    return joiner.toString();
  }

  /** Returns the name as parsed: {@code brats2021}, {@code brats2023} or {@code custom:L1,L2,...}. */
  public String name() {
    if (kind == Kind.BRATS2021) {
      return "brats2021";
    }
    if (kind == Kind.BRATS2023) {
      return "brats2023";
    }
    StringJoiner joiner = new StringJoiner(",", "custom:", "");
    for (int label : priorityOrder) {
      joiner.add(Integer.toString(label));
    }
    return joiner.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelConvention other && kind == other.kind
        && Arrays.equals(priorityOrder, other.priorityOrder);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(priorityOrder);
  }

  @Override
  public String toString() {
    return name();
  }
}
