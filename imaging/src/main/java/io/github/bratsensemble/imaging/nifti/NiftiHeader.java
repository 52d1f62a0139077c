package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.geometry.Affine;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The header fields of a NIfTI-1 or NIfTI-2 file that this codec uses, in NIfTI-2 widths (dims and
 * offsets as {@code long}, floats as {@code double}). Instances are immutable.
 *
 * @param version 1 or 2
 * @param byteOrder byte order of the file, detected from {@code sizeof_hdr}
 * @param dim {@code dim[0..7]}: {@code dim[0]} is the number of dimensions
 * @param pixdim {@code pixdim[0..7]}: {@code pixdim[0]} is qfac, 1..3 the spacing
 * @param voxOffset byte offset of the voxel data in the data file
 * @param qform the affine from the quaternion fields, or {@code null} when {@code qformCode} is 0
 * @param sform the affine from {@code srow_x/y/z}, or {@code null} when {@code sformCode} is 0
 */
public record NiftiHeader(
    int version,
    ByteOrder byteOrder,
    long[] dim,
    double[] pixdim,
    int dataTypeCode,
    int bitpix,
    long voxOffset,
    double sclSlope,
    double sclInter,
    double calMin,
    double calMax,
    int qformCode,
    int sformCode,
    Affine qform,
    Affine sform,
    int xyztUnits,
    int intentCode,
    String intentName,
    String description,
    String auxFile,
    int dimInfo,
    List<NiftiExtension> extensions) {

  public NiftiHeader {
    dim = dim.clone();
    pixdim = pixdim.clone();
    extensions = List.copyOf(extensions);
  }

  @Override
  public long[] dim() {
    return dim.clone();
  }

  @Override
  public double[] pixdim() {
    return pixdim.clone();
  }

  /** Returns the datatype, or {@code null} when the code is not one this codec supports. */
  public NiftiDataType dataType() {
    return NiftiDataType.fromCode(dataTypeCode);
  }

  /** Returns whether {@code scl_slope}/{@code scl_inter} change the stored values. */
  public boolean hasScaling() {
    return effectiveSlope() != 1 || effectiveIntercept() != 0;
  }

  /** Returns the slope to apply: 1 when the header's slope is 0 or not finite (no scaling). */
  public double effectiveSlope() {
    return sclSlope == 0 || !Double.isFinite(sclSlope) ? 1 : sclSlope;
  }

  /** Returns the intercept to apply: 0 when scaling is off or the intercept is not finite. */
  public double effectiveIntercept() {
    if (sclSlope == 0 || !Double.isFinite(sclSlope) || !Double.isFinite(sclInter)) {
      return 0;
    }
    return sclInter;
  }

  /**
   * Returns the voxel-to-world affine NIfTI readers use: the sform when {@code sform_code > 0},
   * else the qform when {@code qform_code > 0}, else the scaling by {@code pixdim[1..3]} with no
   * offset (method 1 of the NIfTI-1 standard).
   */
  public Affine bestAffine() {
    if (sformCode > 0 && sform != null) {
      return sform;
    }
    if (qformCode > 0 && qform != null) {
      return qform;
    }
    return Affine.scaling(spacing(1), spacing(2), spacing(3), 0, 0, 0);
  }

  /** Returns {@code |pixdim[i]|}, or 1 when it is 0 or not finite. */
  double spacing(int i) {
    double d = Math.abs(pixdim[i]);
    return d == 0 || !Double.isFinite(d) ? 1 : d;
  }
}
