package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.algorithms.stats.RobustZScores;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;

/**
 * A {@link BratsCase} reduced to what the built-in algorithms work on: the brain mask as 0/1 bytes
 * and each sequence as robust z-scores over the brain ({@code (v - median) / (1.4826 * MAD)}, 0
 * outside the brain). Z-scores make thresholds comparable across scanners without intensity
 * standardisation. The arrays are shared: callers must not modify them.
 */
public final class NormalizedCase {
  /** The smallest brain accepted, in voxels: 1000 voxels is 1 mL at 1 mm, far below any real brain. */
  public static final int MIN_BRAIN_VOXELS = 1000;

  private final Grid grid;
  private final byte[] brain;
  private final int brainVoxelCount;
  private final float[] t1;
  private final float[] t1c;
  private final float[] t2;
  private final float[] flair;

  private NormalizedCase(Grid grid, byte[] brain, int brainVoxelCount, float[][] z) {
    this.grid = grid;
    this.brain = brain;
    this.brainVoxelCount = brainVoxelCount;
    this.t1 = z[0];
    this.t1c = z[1];
    this.t2 = z[2];
    this.flair = z[3];
  }

  /**
   * Computes the brain mask and the z-scores of a case.
   *
   * @throws IllegalArgumentException if the brain has fewer than {@link #MIN_BRAIN_VOXELS} voxels
   *     or a sequence is constant inside it
   */
  public static NormalizedCase of(BratsCase input) {
    byte[] brain = input.brainVoxels();
    int count = 0;
    for (byte b : brain) {
      if (b != 0) {
        count++;
      }
    }
    if (count < MIN_BRAIN_VOXELS) {
      String source = input.brainMask() != null
          ? "in the brain mask"
          : "where all four sequences are > 0";
      throw new IllegalArgumentException(
          "the brain is empty: " + count + " voxels " + source + ", at least " + MIN_BRAIN_VOXELS
              + " required; check the brain mask and the skull stripping");
    }
    float[][] z = new float[4][];
    for (int s = 0; s < 4; s++) {
      z[s] = RobustZScores.compute(
          input.sequences().get(s).voxelArray(), brain, BratsCase.SEQUENCE_NAMES.get(s));
    }
    return new NormalizedCase(input.grid(), brain, count, z);
  }

  public Grid grid() {
    return grid;
  }

  public Dimensions dimensions() {
    return grid.dimensions();
  }

  public int voxelCount() {
    return brain.length;
  }

  /** Returns the 0/1 brain mask. */
  public byte[] brain() {
    return brain;
  }

  public int brainVoxelCount() {
    return brainVoxelCount;
  }

  public float[] t1() {
    return t1;
  }

  public float[] t1c() {
    return t1c;
  }

  public float[] t2() {
    return t2;
  }

  public float[] flair() {
    return flair;
  }
}
