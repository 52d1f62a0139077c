package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.function.DoubleUnaryOperator;

/** A smooth analytic head phantom in world coordinates (mm), sampled onto any grid. */
final class Phantom {
  private static final double[][] BLOBS = {
      {20, 10, 5, 12, 60}, {-25, -15, 10, 10, -40}, {5, -30, -15, 8, 50}, {-10, 25, -20, 9, 35}, {0, 0, 25, 7, -30}};

  private Phantom() {}

  /** Intensity at a world point: an ellipsoidal head with a soft edge plus Gaussian blobs. */
  static double value(double x, double y, double z) {
    double r = Math.sqrt(sq(x / 60) + sq(y / 72) + sq(z / 50));
    double head = 100 / (1 + Math.exp((r - 1) * 25));
    double sum = head;
    for (double[] b : BLOBS) {
      sum += b[4] * Math.exp(-(sq(x - b[0]) + sq(y - b[1]) + sq(z - b[2])) / (2 * sq(b[3]))) * (head / 100);
    }
    return sum;
  }

  /**
   * Samples the phantom seen through {@code movingToFixed}: voxel p gets {@code contrast(value(
   * movingToFixed(p)))}. With the identity this is the fixed image; with the inverse of a
   * registration transform T it is a moving image for which T is the exact solution.
   */
  static FloatVolume sample(Grid grid, AffineTransform movingToFixed, DoubleUnaryOperator contrast) {
    Dimensions d = grid.dimensions();
    float[] values = new float[d.voxelCount()];
    Affine map = movingToFixed.toAffine().compose(grid.affine());
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          double value = value(map.applyX(x, y, z), map.applyY(x, y, z), map.applyZ(x, y, z));
          values[d.index(x, y, z)] = (float) contrast.applyAsDouble(value);
        }
      }
    }
    return FloatVolume.wrap(grid, values);
  }

  /** Returns the voxels of {@code image} brighter than {@code threshold} as a mask. */
  static LabelVolume mask(FloatVolume image, float threshold) {
    byte[] labels = new byte[image.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) (image.value(i) > threshold ? 1 : 0);
    }
    return LabelVolume.wrap(image.grid(), labels);
  }

  /** Returns a 2 x 2 x 3 mm RAS grid of 72 x 80 x 44 voxels centred near the origin. */
  static Grid fixedGrid() {
    return new Grid(new Dimensions(72, 80, 44), Affine.scaling(2, 2, 3, -71, -79, -64.5));
  }

  /** Returns a 1.5 x 2.5 x 2.5 mm LPS grid covering the same region. */
  static Grid movingGrid() {
    return new Grid(new Dimensions(96, 64, 52), Affine.scaling(-1.5, -2.5, 2.5, 71.25, 78.75, -63.75));
  }

  private static double sq(double v) {
    return v * v;
  }
}
