package io.github.bratsensemble.fusionator.regions;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.LabelConvention;

/**
 * Rebuilds a BraTS label map from fused WT, TC and ET masks so that ET lies inside TC and TC inside
 * WT. Outside WT a voxel is background. Inside WT it is ET if it is in both TC and ET, NCR if it is
 * in TC only, and ED otherwise. Fused TC voxels outside WT are therefore clipped to background, and
 * fused ET voxels outside TC become ED (inside WT) or background.
 */
public final class NestedRegions {
  private NestedRegions() {}

  /** Returns the label of one voxel given its membership in the three fused regions. */
  public static int label(boolean wt, boolean tc, boolean et, LabelConvention convention) {
    if (!wt) {
      return 0;
    }
    if (tc) {
      return et ? convention.et() : convention.ncr();
    }
    return convention.ed();
  }

  /** Returns the rebuilt labels of the active voxels. */
  public static byte[] rebuild(BitMask wt, BitMask tc, BitMask et, LabelConvention convention) {
    byte[] labels = new byte[wt.size()];
    for (int k : wt.toIndices()) {
      labels[k] = (byte) label(true, tc.get(k), et.get(k), convention);
    }
    return labels;
  }
}
