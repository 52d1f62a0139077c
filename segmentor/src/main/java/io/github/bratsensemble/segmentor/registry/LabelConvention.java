package io.github.bratsensemble.segmentor.registry;

/**
 * The meaning of the label values in a tumour segmentation.
 *
 * <ul>
 *   <li>{@code brats2021}: 0 background, 1 necrotic and non-enhancing tumour core (NCR/NET), 2
 *       peritumoral oedema (ED), 4 enhancing tumour (ET). Used by the BraTS challenges 2017 to 2021.
 *   <li>{@code brats2023}: 0 background, 1 NCR, 2 ED, 3 ET. Used from BraTS 2023 on, and the
 *       project's canonical convention: every validated result is stored in it.
 * </ul>
 */
public enum LabelConvention {
  BRATS2021("brats2021", new int[] {0, 1, 2, 4}),
  BRATS2023("brats2023", new int[] {0, 1, 2, 3});

  /** The convention every validated segmentation is converted to. */
  public static final LabelConvention CANONICAL = BRATS2023;

  private final String jsonName;
  private final int[] labels;

  LabelConvention(String jsonName, int[] labels) {
    this.jsonName = jsonName;
    this.labels = labels;
  }

  public String jsonName() {
    return jsonName;
  }

  /** Returns the allowed label values in ascending order: background, NCR, ED, ET. */
  public int[] labels() {
    return labels.clone();
  }

  public boolean allows(int label) {
    for (int allowed : labels) {
      if (allowed == label) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a 256-entry table mapping each label of this convention to the same tissue class in
   * {@code target}; entries for labels this convention does not allow are -1.
   */
  public int[] mappingTo(LabelConvention target) {
    int[] table = new int[256];
    java.util.Arrays.fill(table, -1);
    for (int i = 0; i < labels.length; i++) {
      table[labels[i]] = target.labels[i];
    }
    return table;
  }
}
