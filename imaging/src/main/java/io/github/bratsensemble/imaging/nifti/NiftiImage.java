package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A NIfTI image as stored: raw voxel values in their datatype, the scaling to apply, the spatial
 * grid and any further dimensions (time, vector components), flattened into {@link #volumeCount()}
 * 3-D volumes. Trailing singleton dimensions are dropped, so 240x240x155x1 is a 3-D image.
 */
public final class NiftiImage {
  private final Path source;
  private final NiftiHeader header;
  private final VoxelArray data;
  private final long[] shape;
  private final Grid grid;
  private final int volumeCount;
  private final double slope;
  private final double intercept;
  private final int qformCode;
  private final int sformCode;
  private final List<NiftiExtension> extensions;

  NiftiImage(Path source, NiftiHeader header, VoxelArray data, long[] shape, Grid grid, double slope,
      double intercept, int qformCode, int sformCode, List<NiftiExtension> extensions) {
    this.source = source;
    this.header = header;
    this.data = data;
    this.shape = shape.clone();
    this.grid = grid;
    long volumes = 1;
    for (int i = 3; i < shape.length; i++) {
      volumes *= shape[i];
    }
    this.volumeCount = (int) volumes;
    this.slope = slope;
    this.intercept = intercept;
    this.qformCode = qformCode;
    this.sformCode = sformCode;
    this.extensions = List.copyOf(extensions);
  }

  /** Wraps a label map as a uint8 image with qform and sform codes 1 (scanner anatomical). */
  public static NiftiImage of(LabelVolume labels) {
    return inMemory(VoxelArray.ofBytes(NiftiDataType.UINT8, labels.labelArray()), labels.grid());
  }

  /** Wraps an intensity image as a float32 image with qform and sform codes 1. */
  public static NiftiImage of(FloatVolume image) {
    return inMemory(VoxelArray.ofFloats(image.voxelArray()), image.grid());
  }

  /** Wraps raw voxel values of any supported type on a 3-D grid. */
  public static NiftiImage inMemory(VoxelArray data, Grid grid) {
    Dimensions d = grid.dimensions();
    return new NiftiImage(null, null, data, new long[] {d.nx(), d.ny(), d.nz()}, grid, 1, 0, 1, 1, List.of());
  }

  /** Returns this image with a different voxel-to-world affine and the given qform/sform codes. */
  public NiftiImage withAffine(Affine affine, int newQformCode, int newSformCode) {
    return new NiftiImage(source, header, data, shape, new Grid(grid.dimensions(), affine), slope, intercept,
        newQformCode, newSformCode, extensions);
  }

  /** Returns this image carrying the given header extensions. */
  public NiftiImage withExtensions(List<NiftiExtension> newExtensions) {
    return new NiftiImage(source, header, data, shape, grid, slope, intercept, qformCode, sformCode,
        newExtensions);
  }

  /** Returns the file this image was read from, or {@code null} for an in-memory image. */
  public Path source() {
    return source;
  }

  /** Returns the parsed header, or {@code null} for an in-memory image. */
  public NiftiHeader header() {
    return header;
  }

  /** Returns the raw, unscaled voxel values of all volumes, x fastest. */
  public VoxelArray data() {
    return data;
  }

  public NiftiDataType dataType() {
    return data.type();
  }

  /** Returns the dimensions after dropping trailing singletons; always at least 3 entries. */
  public long[] shape() {
    return shape.clone();
  }

  /** Returns the spatial grid shared by every volume. */
  public Grid grid() {
    return grid;
  }

  public int volumeCount() {
    return volumeCount;
  }

  public boolean isThreeDimensional() {
    return volumeCount == 1;
  }

  public double slope() {
    return slope;
  }

  public double intercept() {
    return intercept;
  }

  public boolean hasScaling() {
    return slope != 1 || intercept != 0;
  }

  public int qformCode() {
    return qformCode;
  }

  public int sformCode() {
    return sformCode;
  }

  public List<NiftiExtension> extensions() {
    return extensions;
  }

  /** Returns the value of voxel {@code i} (over all volumes) with scaling applied. */
  public double scaledValue(int i) {
    return data.get(i) * slope + intercept;
  }

  /** Returns the only volume with scaling applied; rejects 4-D and 5-D images. */
  public FloatVolume toFloatVolume() throws NiftiFormatException {
    requireThreeDimensional();
    return volume(0);
  }

  /** Returns volume {@code index} (0-based) of a 4-D or 5-D image with scaling applied. */
  public FloatVolume volume(int index) {
    if (index < 0 || index >= volumeCount) {
      throw new IndexOutOfBoundsException("volume " + index + " of " + volumeCount);
    }
    int n = grid.voxelCount();
    float[] out = new float[n];
    data.toFloats(index * n, out, slope, intercept);
    return FloatVolume.wrap(grid, out);
  }

  /**
   * Returns the image as a label map. Every value, after scaling, must be a whole number in
   * 0..255; the first one that is not is reported with its voxel coordinates.
   */
  public LabelVolume toLabelVolume() throws NiftiFormatException {
    requireThreeDimensional();
    int n = grid.voxelCount();
    if (data.type() == NiftiDataType.UINT8 && !hasScaling()) {
      return LabelVolume.wrap(grid, (byte[]) data.array());
    }
    byte[] labels = new byte[n];
    int invalid = hasScaling() ? convertScaled(labels) : convertUnscaled(labels);
    if (invalid >= 0) {
      double v = scaledValue(invalid);
      throw new NiftiFormatException(source, "expected integer labels 0..255 but found " + formatValue(v)
          + " at voxel " + voxelCoordinates(invalid) + " (datatype " + data.type() + ")");
    }
    return LabelVolume.wrap(grid, labels);
  }

  /** Converts scaled values to labels; returns the first invalid voxel index, or -1. */
  private int convertScaled(byte[] labels) {
    for (int i = 0; i < labels.length; i++) {
      double v = scaledValue(i);
      int label = (int) v;
      if (label != v || label < 0 || label > 255) {
        return i;
      }
      labels[i] = (byte) label;
    }
    return -1;
  }

  /**
   * Converts stored values to labels with one typed loop per datatype, the common case for label
   * maps saved as float32, float64 or int16; returns the first invalid voxel index, or -1.
   */
  private int convertUnscaled(byte[] labels) {
    int n = labels.length;
    switch (data.type()) {
      case FLOAT32 -> {
        float[] a = (float[]) data.array();
        for (int i = 0; i < n; i++) {
          int label = (int) a[i];
          if (label != a[i] || label < 0 || label > 255) {
            return i;
          }
          labels[i] = (byte) label;
        }
      }
      case FLOAT64 -> {
        double[] a = (double[]) data.array();
        for (int i = 0; i < n; i++) {
          int label = (int) a[i];
          if (label != a[i] || label < 0 || label > 255) {
            return i;
          }
          labels[i] = (byte) label;
        }
      }
      case INT16 -> {
        short[] a = (short[]) data.array();
        for (int i = 0; i < n; i++) {
          if (a[i] < 0 || a[i] > 255) {
            return i;
          }
          labels[i] = (byte) a[i];
        }
      }
      default -> {
        return convertScaled(labels);
      }
    }
    return -1;
  }

  private String voxelCoordinates(int i) {
    Dimensions d = grid.dimensions();
    int x = i % d.nx();
    int y = (i / d.nx()) % d.ny();
    int z = i / (d.nx() * d.ny());
    return "(" + x + ", " + y + ", " + z + ")";
  }

  private static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private void requireThreeDimensional() throws NiftiFormatException {
    if (volumeCount != 1) {
      throw new NiftiFormatException(source, "expected a 3-D image but found shape "
          + Arrays.toString(shape).replace(", ", "x").replace("[", "").replace("]", "")
          + " (" + volumeCount + " volumes)");
    }
  }
}
