package io.github.bratsensemble.fusionator.staple;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct decision vectors (one decision per input) found over a volume, with how many voxels
 * share each one. STAPLE's posterior at a voxel depends only on its decision vector, so EM runs
 * over the distinct vectors weighted by their voxel counts and gives exactly the per-voxel result
 * at a fraction of the cost.
 *
 * <p>Voxels outside the active set decide 0 for every input; they are added to the all-zero
 * vector's count.
 */
final class DecisionPatterns {
  /** Decisions of each pattern: {@code decisions[pattern][input]}. */
  final byte[][] decisions;
  /** Voxel count of each pattern, as a double for the EM sums. */
  final double[] voxelCounts;
  /** Pattern index of each active voxel. */
  final int[] patternOfVoxel;
  /** Index of the all-zero pattern, or -1 when no voxel has it. */
  final int zeroPattern;

  private DecisionPatterns(byte[][] decisions, double[] voxelCounts, int[] patternOfVoxel, int zeroPattern) {
    this.decisions = decisions;
    this.voxelCounts = voxelCounts;
    this.patternOfVoxel = patternOfVoxel;
    this.zeroPattern = zeroPattern;
  }

  /**
   * Groups the active voxels by decision vector.
   *
   * @param decisionsByInput {@code decisionsByInput[input][activeVoxel]}
   * @param inactiveCount voxels outside the active set (all decisions 0)
   */
  static DecisionPatterns of(byte[][] decisionsByInput, long inactiveCount) {
    int inputs = decisionsByInput.length;
    int activeCount = decisionsByInput[0].length;
    Map<ByteBuffer, Integer> ids = new HashMap<>();
    List<byte[]> decisions = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    int[] patternOfVoxel = new int[activeCount];

    // The scratch vector serves lookups; only a new pattern gets its own copy.
    byte[] scratch = new byte[inputs];
    ByteBuffer key = ByteBuffer.wrap(scratch);
    for (int k = 0; k < activeCount; k++) {
      for (int i = 0; i < inputs; i++) {
        scratch[i] = decisionsByInput[i][k];
      }
      Integer id = ids.get(key);
      if (id == null) {
        byte[] vector = scratch.clone();
        id = decisions.size();
        ids.put(ByteBuffer.wrap(vector), id);
        decisions.add(vector);
        counts.add(0L);
      }
      counts.set(id, counts.get(id) + 1);
      patternOfVoxel[k] = id;
    }

    int zeroPattern = -1;
    Integer zeroId = ids.get(ByteBuffer.wrap(new byte[inputs]));
    if (zeroId != null) {
      zeroPattern = zeroId;
    }
    if (inactiveCount > 0) {
      if (zeroPattern < 0) {
        zeroPattern = decisions.size();
        decisions.add(new byte[inputs]);
        counts.add(0L);
      }
      counts.set(zeroPattern, counts.get(zeroPattern) + inactiveCount);
    }

    double[] voxelCounts = new double[counts.size()];
    for (int p = 0; p < voxelCounts.length; p++) {
      voxelCounts[p] = counts.get(p);
    }
    return new DecisionPatterns(decisions.toArray(new byte[0][]), voxelCounts, patternOfVoxel, zeroPattern);
  }

  int patternCount() {
    return decisions.length;
  }
}
