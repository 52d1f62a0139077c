package io.github.bratsensemble.algorithms.phantom;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Map;

/**
 * A generated phantom case: four MR sequences with their known ground truth.
 *
 * <p>The ground truth and the brain mask are on {@link io.github.bratsensemble.imaging.geometry.Grid#BRATS}
 * in the position of T1. The truth uses the BraTS 2023 labels: 1 necrotic core (NCR), 2 oedema
 * (ED), 3 enhancing tumour (ET); {@link #truthBrats2021()} converts to the BraTS 2021 labels that
 * the built-in algorithms write. Volumes share their arrays with no one else.
 *
 * @param options the options that produced this phantom
 * @param t1 native T1 ({@code t1n})
 * @param t1c contrast-enhanced T1 ({@code t1c})
 * @param t2 T2 ({@code t2w})
 * @param flair T2 FLAIR ({@code t2f})
 * @param truth ground truth, BraTS 2023 labels
 * @param brainMask 1 inside the brain (grey and white matter, ventricles, tumour), else 0
 * @param motions for each sequence name ({@code t1c}, {@code t2w}, {@code t2f}) the rigid motion
 *     that maps a world point of that sequence's image to the point of T1 (and truth) space whose
 *     anatomy it shows; identity unless {@code options.misaligned()}. The registration transform
 *     from T1 (fixed) to that sequence (moving) is its inverse.
 */
public record Phantom(
    PhantomOptions options,
    FloatVolume t1,
    FloatVolume t1c,
    FloatVolume t2,
    FloatVolume flair,
    LabelVolume truth,
    LabelVolume brainMask,
    Map<String, AffineTransform> motions) {

  /** Returns the ground truth in the BraTS 2021 labels (ET = 4). */
  public LabelVolume truthBrats2021() {
    return LabelVolume.wrap(truth.grid(), BratsLabels.fromBrats2023(truth.labelArray()));
  }

  /**
   * Returns the phantom as algorithm input with its brain mask.
   *
   * @throws IllegalArgumentException if the sequences are not all on one grid (an anisotropic
   *     phantom must be resampled first)
   */
  public BratsCase toCase() {
    return new BratsCase(t1, t1c, t2, flair, brainMask);
  }
}
