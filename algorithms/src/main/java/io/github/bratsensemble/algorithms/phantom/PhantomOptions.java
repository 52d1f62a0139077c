package io.github.bratsensemble.algorithms.phantom;

/**
 * Options of {@link PhantomGenerator}.
 *
 * @param seed seed of every random choice; the same options give the same phantom, voxel for voxel
 * @param anisotropic acquire T2 and FLAIR as 5 mm axial slices (grid 240x240x31) instead of 1 mm
 * @param misaligned move the head by a random rigid motion (up to 4° about each axis and 4 mm
 *     along each axis) before acquiring T1c, T2 and FLAIR; T1 and the ground truth stay in place
 * @param secondLesion add a smaller second tumour in the other hemisphere
 */
public record PhantomOptions(long seed, boolean anisotropic, boolean misaligned, boolean secondLesion) {

  /** Returns options for a single-lesion, isotropic, aligned phantom. */
  public static PhantomOptions ofSeed(long seed) {
    return new PhantomOptions(seed, false, false, false);
  }
}
