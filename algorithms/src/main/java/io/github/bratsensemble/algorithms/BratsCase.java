package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.ArrayList;
import java.util.List;

/**
 * The input of a {@link BuiltinAlgorithm}: the four MR sequences of one case, co-registered and
 * skull-stripped on one grid, and an optional brain mask.
 *
 * <p>When {@code brainMask} is null the brain is taken as the voxels where all four sequences are
 * greater than 0, which is what skull stripping leaves. Requiring all four keeps out the rim where
 * one resampled sequence has already dropped to 0, which would otherwise look like contrast
 * enhancement. The constructor rejects a missing sequence and any grid that differs from T1's by
 * more than {@link Grid#DEFAULT_TOLERANCE_MM}, naming the sequences.
 *
 * @param t1 native T1-weighted image (BraTS 2023 {@code t1n})
 * @param t1c contrast-enhanced T1-weighted image ({@code t1c})
 * @param t2 T2-weighted image ({@code t2w})
 * @param flair T2 FLAIR image ({@code t2f})
 * @param brainMask brain voxels are those with a label other than 0; may be null
 */
public record BratsCase(FloatVolume t1, FloatVolume t1c, FloatVolume t2, FloatVolume flair, LabelVolume brainMask) {

  /** Sequence names in the order used by {@link #sequences()}. */
  public static final List<String> SEQUENCE_NAMES = List.of("T1", "T1c", "T2", "FLAIR");

  public BratsCase {
    List<String> missing = new ArrayList<>();
    FloatVolume[] all = {t1, t1c, t2, flair};
    for (int s = 0; s < all.length; s++) {
      if (all[s] == null) {
        missing.add(SEQUENCE_NAMES.get(s));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "missing sequence(s): " + String.join(", ", missing) + "; T1, T1c, T2 and FLAIR are all required");
    }
    Grid reference = t1.grid();
    for (int s = 1; s < all.length; s++) {
      String difference = reference.describeDifference(all[s].grid(), Grid.DEFAULT_TOLERANCE_MM);
      if (!difference.isEmpty()) {
        throw new IllegalArgumentException(
            SEQUENCE_NAMES.get(s) + " is not on the grid of T1: " + difference
                + "; co-register and resample all sequences onto one grid first");
      }
    }
    if (brainMask != null) {
      String difference = reference.describeDifference(brainMask.grid(), Grid.DEFAULT_TOLERANCE_MM);
      if (!difference.isEmpty()) {
        throw new IllegalArgumentException("brain mask is not on the grid of T1: " + difference);
      }
    }
  }

  /** Creates a case without a brain mask. */
  public static BratsCase of(FloatVolume t1, FloatVolume t1c, FloatVolume t2, FloatVolume flair) {
    return new BratsCase(t1, t1c, t2, flair, null);
  }

  public Grid grid() {
    return t1.grid();
  }

  /** Returns the sequences in the order T1, T1c, T2, FLAIR. */
  public List<FloatVolume> sequences() {
    return List.of(t1, t1c, t2, flair);
  }

  /**
   * Returns the brain mask as 0/1 bytes: the given mask's non-zero voxels, or the voxels where all
   * four sequences are greater than 0 (a new array either way).
   */
  public byte[] brainVoxels() {
    int n = t1.voxelCount();
    byte[] mask = new byte[n];
    if (brainMask != null) {
      byte[] labels = brainMask.labelArray();
      for (int i = 0; i < n; i++) {
        mask[i] = labels[i] != 0 ? (byte) 1 : 0;
      }
      return mask;
    }
    float[] a = t1.voxelArray();
    float[] b = t1c.voxelArray();
    float[] c = t2.voxelArray();
    float[] d = flair.voxelArray();
    for (int i = 0; i < n; i++) {
      mask[i] = a[i] > 0 && b[i] > 0 && c[i] > 0 && d[i] > 0 ? (byte) 1 : 0;
    }
    return mask;
  }
}
