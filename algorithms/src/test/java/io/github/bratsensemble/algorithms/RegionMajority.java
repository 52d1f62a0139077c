package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;

/**
 * Majority vote over BraTS 2021 label maps, region by region: a voxel is WT when more than half
 * of the inputs say WT, TC when more than half say TC, ET when more than half say ET, and the
 * nested regions are then turned back into labels. A stand-in for the fusion module in tests.
 */
public final class RegionMajority {
  private RegionMajority() {}

  public static LabelVolume vote(List<LabelVolume> inputs) {
    int n = inputs.get(0).voxelCount();
    byte[] out = new byte[n];
    int half = inputs.size() / 2;
    for (int i = 0; i < n; i++) {
      int wt = 0;
      int tc = 0;
      int et = 0;
      for (LabelVolume input : inputs) {
        int label = input.label(i);
        wt += BratsLabels.isWholeTumour(label) ? 1 : 0;
        tc += BratsLabels.isTumourCore(label) ? 1 : 0;
        et += label == BratsLabels.ENHANCING ? 1 : 0;
      }
      if (wt > half) {
        out[i] = et > half ? BratsLabels.ENHANCING : tc > half ? BratsLabels.NECROTIC_CORE : BratsLabels.EDEMA;
      }
    }
    return LabelVolume.wrap(inputs.get(0).grid(), out);
  }
}
