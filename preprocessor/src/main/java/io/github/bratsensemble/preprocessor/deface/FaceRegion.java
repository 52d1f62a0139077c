package io.github.bratsensemble.preprocessor.deface;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * The face region in atlas world space (RAS+ mm), below a line in the sagittal (y, z) plane that is
 * placed from the atlas brain's bounding box: it runs from the front of the brain at {@value
 * #FRONT_HEIGHT_FRACTION} of the brain's height above its lowest point, down and back to the
 * brain's lowest level {@value #BACK_LENGTH_FRACTION} of the brain's length behind its front.
 * Everything in front of and below that line (eyes, nose, mouth, jaw) is face, on every x.
 * Callers keep brain voxels even where they fall inside this region.
 */
// NOTE: a plane fitted to the atlas brain, not a learned face model. It removes the facial profile
// but may leave the ears, and it may cut scalp in front of the forehead on unusual head shapes.
public final class FaceRegion {
  static final double FRONT_HEIGHT_FRACTION = 0.6;
  static final double BACK_LENGTH_FRACTION = 0.5;

  private final double frontY;
  private final double frontZ;
  private final double backY;
  private final double backZ;

  FaceRegion(double frontY, double frontZ, double backY, double backZ) {
    this.frontY = frontY;
    this.frontZ = frontZ;
    this.backY = backY;
    this.backZ = backZ;
  }

  /**
   * Places the region from a brain mask in atlas space.
   *
   * @throws IllegalArgumentException if the mask is empty
   */
  public static FaceRegion fromBrainMask(LabelVolume brainMask) {
    Dimensions d = brainMask.grid().dimensions();
    var affine = brainMask.grid().affine();
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;
    int i = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++, i++) {
          if (brainMask.label(i) != 0) {
            double wy = affine.applyY(x, y, z);
            double wz = affine.applyZ(x, y, z);
            minY = Math.min(minY, wy);
            maxY = Math.max(maxY, wy);
            minZ = Math.min(minZ, wz);
            maxZ = Math.max(maxZ, wz);
          }
        }
      }
    }
    if (minY > maxY) {
      throw new IllegalArgumentException("atlas brain mask is empty, so the face cannot be located");
    }
    double height = maxZ - minZ;
    double length = maxY - minY;
    return new FaceRegion(maxY, minZ + FRONT_HEIGHT_FRACTION * height, maxY - BACK_LENGTH_FRACTION * length, minZ);
  }

  /** Returns whether the atlas-space point (y, z) in mm lies in the face region. */
  public boolean contains(double y, double z) {
    if (y <= backY) {
      return false;
    }
    double t = (y - backY) / (frontY - backY);
    double lineZ = backZ + t * (frontZ - backZ);
    return z < Math.min(lineZ, frontZ);
  }
}
