package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Dice overlap of the BraTS regions (WT, TC, ET) between two BraTS 2021 label maps. */
public final class RegionDice {
  private RegionDice() {}

  /** Returns {WT, TC, ET} Dice; a region empty in both maps scores 1. */
  public static double[] dice(LabelVolume predicted, LabelVolume truth) {
    byte[] a = predicted.labelArray();
    byte[] b = truth.labelArray();
    long[][] counts = new long[3][3];
    for (int i = 0; i < a.length; i++) {
      boolean[] inA = regions(a[i] & 0xFF);
      boolean[] inB = regions(b[i] & 0xFF);
      for (int r = 0; r < 3; r++) {
        if (inA[r]) {
          counts[r][0]++;
        }
        if (inB[r]) {
          counts[r][1]++;
        }
        if (inA[r] && inB[r]) {
          counts[r][2]++;
        }
      }
    }
    double[] dice = new double[3];
    for (int r = 0; r < 3; r++) {
      long sum = counts[r][0] + counts[r][1];
      dice[r] = sum == 0 ? 1.0 : 2.0 * counts[r][2] / sum;
    }
    return dice;
  }

  private static boolean[] regions(int label) {
    return new boolean[] {
        BratsLabels.isWholeTumour(label), BratsLabels.isTumourCore(label), label == BratsLabels.ENHANCING};
  }
}
