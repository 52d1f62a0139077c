package io.github.bratsensemble.algorithms;

/**
 * Label values of the BraTS 2021 convention, which every {@link BuiltinAlgorithm} writes: 0
 * background, 1 necrotic core (NCR), 2 peritumoural oedema (ED), 4 enhancing tumour (ET).
 *
 * <p>The evaluation regions are nested: whole tumour (WT) = {1, 2, 4}, tumour core (TC) = {1, 4},
 * enhancing tumour (ET) = {4}. BraTS 2023 files store ET as 3 instead of 4; {@link #toBrats2023}
 * and {@link #fromBrats2023} convert between the two.
 */
public final class BratsLabels {
  public static final byte BACKGROUND = 0;
  public static final byte NECROTIC_CORE = 1;
  public static final byte EDEMA = 2;
  public static final byte ENHANCING = 4;
  /** The enhancing-tumour label of the BraTS 2023 convention. */
  public static final byte ENHANCING_2023 = 3;

  private BratsLabels() {}

  /** Returns a copy of BraTS 2021 labels with 4 replaced by 3. */
  public static byte[] toBrats2023(byte[] labels2021) {
    byte[] result = labels2021.clone();
    for (int i = 0; i < result.length; i++) {
      if (result[i] == ENHANCING) {
        result[i] = ENHANCING_2023;
      }
    }
    return result;
  }

  /** Returns a copy of BraTS 2023 labels with 3 replaced by 4. */
  public static byte[] fromBrats2023(byte[] labels2023) {
    byte[] result = labels2023.clone();
    for (int i = 0; i < result.length; i++) {
      if (result[i] == ENHANCING_2023) {
        result[i] = ENHANCING;
      }
    }
    return result;
  }

  /** Returns whether a BraTS 2021 label belongs to the whole tumour. */
  public static boolean isWholeTumour(int label) {
    return label == NECROTIC_CORE || label == EDEMA || label == ENHANCING;
  }

  /** Returns whether a BraTS 2021 label belongs to the tumour core. */
  public static boolean isTumourCore(int label) {
    return label == NECROTIC_CORE || label == ENHANCING;
  }
}
