package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Assembles BraTS 2021 label maps from nested region masks. Stateless and thread-safe. */
public final class TumourLabels {
  private TumourLabels() {}

  /**
   * Returns the label map with ET where {@code enhancing} is set, NCR where {@code necrotic} is set
   * and ET is not, ED in the rest of {@code wholeTumour}, and 0 elsewhere. ET and NCR voxels outside
   * {@code wholeTumour} are labelled too, so the regions stay nested.
   */
  public static LabelVolume compose(Grid grid, byte[] wholeTumour, byte[] necrotic, byte[] enhancing) {
    byte[] labels = new byte[wholeTumour.length];
    for (int i = 0; i < labels.length; i++) {
      if (enhancing[i] != 0) {
        labels[i] = BratsLabels.ENHANCING;
      } else if (necrotic[i] != 0) {
        labels[i] = BratsLabels.NECROTIC_CORE;
      } else if (wholeTumour[i] != 0) {
        labels[i] = BratsLabels.EDEMA;
      }
    }
    return LabelVolume.wrap(grid, labels);
  }
}
