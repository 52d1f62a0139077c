package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry points for reading and writing 3-D NIfTI images as volumes.
 *
 * <p>Reading accepts {@code .nii}, {@code .nii.gz} and {@code .hdr}/{@code .img} pairs (plain or
 * gzipped), NIfTI-1 and NIfTI-2, either byte order. Writing produces NIfTI-1 single files, gzipped
 * when the name ends in {@code .gz}, atomically. Every failure is a {@link NiftiFormatException}
 * (or another {@link IOException}) whose message names the file.
 */
public final class Nifti {
  private Nifti() {}

  /** Reads any supported NIfTI file, keeping its native datatype and all dimensions. */
  public static NiftiImage read(Path path) throws IOException {
    return NiftiReader.read(path);
  }

  /** Reads a 3-D intensity image with scl_slope/scl_inter applied. */
  public static FloatVolume readFloat(Path path) throws IOException {
    return NiftiReader.read(path).toFloatVolume();
  }

  /**
   * Reads a 3-D label map. Values must be integers in 0..255 after scaling; NaN, infinity,
   * fractions and values outside that range are rejected with the voxel index.
   */
  public static LabelVolume readLabels(Path path) throws IOException {
    return NiftiReader.read(path).toLabelVolume();
  }

  /** Writes a label map as uint8 with qform and sform set from its affine. */
  public static void writeLabels(Path path, LabelVolume labels) throws IOException {
    NiftiWriter.write(path, NiftiImage.of(labels), WriteOptions.defaults());
  }

  /** Writes an intensity image in the smallest datatype that holds it losslessly. */
  public static void writeFloat(Path path, FloatVolume image) throws IOException {
    NiftiWriter.write(path, NiftiImage.of(image), WriteOptions.defaults());
  }

  /** Writes an intensity image as float32, whatever its values. */
  public static void writeFloat32(Path path, FloatVolume image) throws IOException {
    NiftiWriter.write(path, NiftiImage.of(image), WriteOptions.defaults().withDataType(NiftiDataType.FLOAT32));
  }
}
