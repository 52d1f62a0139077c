package io.github.bratsensemble.preprocessor.deface;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Sets the face voxels of a native image to 0, keeping every voxel of its brain mask. */
public final class Defacing {
  private Defacing() {}

  /**
   * Returns the defaced image.
   *
   * @param brainMask the image's brain mask on its grid; its voxels are never removed
   * @param voxelToAtlas maps the image's voxel indices to atlas world coordinates
   */
  public static FloatVolume deface(FloatVolume image, LabelVolume brainMask, Affine voxelToAtlas, FaceRegion face) {
    Dimensions d = image.grid().dimensions();
    float[] v = image.voxelArray();
    byte[] m = brainMask.labelArray();
    float[] out = v.clone();
    int i = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++, i++) {
          if (m[i] == 0 && face.contains(voxelToAtlas.applyY(x, y, z), voxelToAtlas.applyZ(x, y, z))) {
            out[i] = 0f;
          }
        }
      }
    }
    return FloatVolume.wrap(image.grid(), out);
  }
}
