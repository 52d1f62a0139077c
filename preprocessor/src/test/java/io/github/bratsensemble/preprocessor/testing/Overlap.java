package io.github.bratsensemble.preprocessor.testing;

import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Overlap measures of binary masks for tests. */
public final class Overlap {
  private Overlap() {}

  /** Returns the Dice coefficient of the non-zero voxels of two masks on one grid. */
  public static double dice(LabelVolume a, LabelVolume b) {
    if (!a.grid().matches(b.grid(), 1e-3)) {
      throw new IllegalArgumentException("masks are on different grids: " + a.grid().describeDifference(b.grid(), 1e-3));
    }
    byte[] x = a.labelArray();
    byte[] y = b.labelArray();
    long both = 0;
    long sum = 0;
    for (int i = 0; i < x.length; i++) {
      boolean p = x[i] != 0;
      boolean q = y[i] != 0;
      if (p) {
        sum++;
      }
      if (q) {
        sum++;
      }
      if (p && q) {
        both++;
      }
    }
    return sum == 0 ? 1.0 : 2.0 * both / sum;
  }
}
