package io.github.bratsensemble.preprocessor.registration;

/**
 * How the transform starts: the rotation is the identity and the translation maps one reference
 * point of the fixed image onto that of the moving image; that fixed point is also the centre of
 * rotation.
 */
public enum Initialization {
  /** Centres of the two voxel grids. */
  GEOMETRIC_CENTER,
  /** Intensity-weighted centres of mass (voxels below the image minimum plus 0 weigh nothing). */
  CENTER_OF_MASS,
  /** No translation; the centre of rotation is the fixed grid centre. */
  IDENTITY
}
