package io.github.bratsensemble.fusionator.labels;

/**
 * Converts label maps between conventions. Only BraTS 2021 and BraTS 2023 convert into each other,
 * by swapping the enhancing-tumour label (4 in 2021, 3 in 2023); every other label is kept.
 */
public final class LabelConversion {
  private LabelConversion() {}

  /** Returns whether a label map in {@code from} can be converted to {@code to}. */
  public static boolean isSupported(LabelConvention from, LabelConvention to) {
    return from.equals(to) || (from.isBrats() && to.isBrats());
  }

  /**
   * Returns {@code labels} rewritten from {@code from} to {@code to}: the same array when the
   * conventions are equal, otherwise a new array. The input array is never modified.
   *
   * @throws IllegalArgumentException if the conventions do not convert into each other
   */
  public static byte[] convert(byte[] labels, LabelConvention from, LabelConvention to) {
    if (from.equals(to)) {
      return labels;
    }
    if (!isSupported(from, to)) {
      throw new IllegalArgumentException(
          "cannot convert labels from " + from.name() + " to " + to.name()
              + ": only brats2021 and brats2023 convert into each other");
    }
    byte fromEt = (byte) from.et();
    byte toEt = (byte) to.et();
    byte[] converted = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      byte label = labels[i];
      converted[i] = label == fromEt ? toEt : label;
    }
    return converted;
  }
}
