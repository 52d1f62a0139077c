package io.github.bratsensemble.preprocessor.atlas;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A T1 template and its brain mask, in the template's own grid and world space. The world space of
 * the default SRI-24 atlas is that of the BraTS grid, so registering to it places a case in BraTS
 * space.
 *
 * @param image the template intensities
 * @param brainMask 1 inside the brain, 0 outside, on the template's grid
 * @param source the file the template was read from
 */
public record Atlas(FloatVolume image, LabelVolume brainMask, Path source) {

  /**
   * Reads a template; without a mask file the brain is every voxel above 0, which suits
   * skull-stripped templates such as the default SRI-24.
   *
   * @param maskFile a brain mask on the template's grid, or {@code null}
   */
  public static Atlas read(Path imageFile, Path maskFile) throws IOException {
    FloatVolume image = Nifti.readFloat(imageFile);
    LabelVolume mask;
    if (maskFile != null) {
      LabelVolume labels = Nifti.readLabels(maskFile);
      if (!labels.grid().matches(image.grid(), 1e-3)) {
        throw new IOException("atlas mask " + maskFile + " is not on the grid of atlas " + imageFile + ": "
            + labels.grid().describeDifference(image.grid(), 1e-3));
      }
      byte[] binary = new byte[labels.voxelCount()];
      for (int i = 0; i < binary.length; i++) {
        binary[i] = (byte) (labels.label(i) > 0 ? 1 : 0);
      }
      mask = LabelVolume.wrap(image.grid(), binary);
    } else {
      float[] v = image.voxelArray();
      byte[] binary = new byte[v.length];
      long count = 0;
      for (int i = 0; i < v.length; i++) {
        if (v[i] > 0) {
          binary[i] = 1;
          count++;
        }
      }
      if (count == 0) {
        throw new IOException("atlas " + imageFile + " has no voxel above 0, so it has no brain mask;"
            + " pass a skull-stripped template or --atlas-mask");
      }
      mask = LabelVolume.wrap(image.grid(), binary);
    }
    return new Atlas(image, mask, imageFile);
  }
}
