package io.github.bratsensemble.reference;

import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.algorithms.TumourLabels;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;

/**
 * Combines BraTS 2021 label maps by a majority vote per nested region, the way the BraTS
 * challenges evaluate: a voxel belongs to the whole tumour (labels 1, 2, 4), the tumour core
 * (1, 4) or the enhancing tumour (4) when more than half of the maps put it there. The result is
 * ET where ET wins, else NCR where the core wins, else oedema where the whole tumour wins. With an
 * even number of maps a tie is not a majority, so the voxel falls to the next outer region.
 */
final class RegionMajority {
  private RegionMajority() {}

  static LabelVolume combine(Grid grid, List<LabelVolume> maps) {
    if (maps.isEmpty()) {
      throw new IllegalArgumentException("at least one label map is required");
    }
    int n = grid.voxelCount();
    byte[] whole = new byte[n];
    byte[] core = new byte[n];
    byte[] enhancing = new byte[n];
    int[] wholeVotes = new int[n];
    int[] coreVotes = new int[n];
    int[] enhancingVotes = new int[n];
    for (LabelVolume map : maps) {
      byte[] labels = map.labelArray();
      for (int i = 0; i < n; i++) {
        int label = labels[i] & 0xff;
        wholeVotes[i] += BratsLabels.isWholeTumour(label) ? 1 : 0;
        coreVotes[i] += BratsLabels.isTumourCore(label) ? 1 : 0;
        enhancingVotes[i] += label == BratsLabels.ENHANCING ? 1 : 0;
      }
    }
    for (int i = 0; i < n; i++) {
      whole[i] = 2 * wholeVotes[i] > maps.size() ? (byte) 1 : 0;
      core[i] = 2 * coreVotes[i] > maps.size() ? (byte) 1 : 0;
      enhancing[i] = 2 * enhancingVotes[i] > maps.size() ? (byte) 1 : 0;
    }
    return TumourLabels.compose(grid, whole, core, enhancing);
  }
}
