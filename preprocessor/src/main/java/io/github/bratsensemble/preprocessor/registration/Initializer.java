package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;

/** Computes the starting transform: identity rotation, centre of rotation at the fixed reference point. */
final class Initializer {
  private Initializer() {}

  static AffineTransform initialTransform(FloatVolume fixed, FloatVolume moving, Initialization initialization) {
    double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    return switch (initialization) {
      case IDENTITY -> AffineTransform.ofCentered(identity, new double[3], fixed.grid().centerWorld());
      case GEOMETRIC_CENTER -> centered(identity, fixed.grid().centerWorld(), moving.grid().centerWorld());
      case CENTER_OF_MASS -> centered(identity, centerOfMass(fixed), centerOfMass(moving));
    };
  }

  private static AffineTransform centered(double[] identity, double[] fixedPoint, double[] movingPoint) {
    double[] translation = {
        movingPoint[0] - fixedPoint[0], movingPoint[1] - fixedPoint[1], movingPoint[2] - fixedPoint[2]};
    return AffineTransform.ofCentered(identity, translation, fixedPoint);
  }

  /**
   * Returns the world position of the intensity-weighted centre, weighting each voxel by its value
   * minus the image minimum so that a zero or constant background weighs nothing.
   */
  static double[] centerOfMass(FloatVolume image) {
    Dimensions d = image.grid().dimensions();
    float min = image.range()[0];
    float[] values = image.voxelArray();
    double sum = 0;
    double sx = 0;
    double sy = 0;
    double sz = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        int row = d.index(0, y, z);
        for (int x = 0; x < d.nx(); x++) {
          float v = values[row + x];
          if (v > min) {
            double w = v - min;
            sum += w;
            sx += w * x;
            sy += w * y;
            sz += w * z;
          }
        }
      }
    }
    Affine affine = image.grid().affine();
    return affine.apply(new double[] {sx / sum, sy / sum, sz / sum});
  }
}
