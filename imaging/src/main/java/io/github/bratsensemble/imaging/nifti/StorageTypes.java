package io.github.bratsensemble.imaging.nifti;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Chooses and converts the datatype an image is stored in. */
final class StorageTypes {
  private StorageTypes() {}

  /**
   * Returns the image's scaled values in {@code requested}, or, when {@code requested} is null, in
   * the smallest datatype that holds every value exactly.
   */
  static VoxelArray convert(NiftiImage image, NiftiDataType requested, Path target) throws NiftiFormatException {
    VoxelArray raw = image.data();
    NiftiDataType type = requested != null ? requested : smallestLossless(image);
    if (type == raw.type() && !image.hasScaling()) {
      return raw;
    }
    int n = raw.length();
    switch (type) {
      case UINT8, INT8 -> {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
          out[i] = (byte) checkedInteger(image, i, type, target);
        }
        return VoxelArray.ofBytes(type, out);
      }
      case INT16, UINT16 -> {
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
          out[i] = (short) checkedInteger(image, i, type, target);
        }
        return VoxelArray.ofShorts(type, out);
      }
      case INT32, UINT32 -> {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = (int) checkedInteger(image, i, type, target);
        }
        return VoxelArray.ofInts(type, out);
      }
      case FLOAT32 -> {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          out[i] = (float) image.scaledValue(i);
        }
        return VoxelArray.ofFloats(out);
      }
      case FLOAT64 -> {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = image.scaledValue(i);
        }
        return VoxelArray.ofDoubles(out);
      }
      default -> {
        // 64-bit integers are only kept as read; converting to them is not needed.
        if (type == raw.type()) {
          return raw;
        }
        throw new NiftiFormatException(target, "cannot convert " + raw.type() + " to " + type);
      }
    }
  }

  private static long checkedInteger(NiftiImage image, int i, NiftiDataType type, Path target)
      throws NiftiFormatException {
    double v = image.scaledValue(i);
    double rounded = Math.rint(v);
    double[] range = range(type);
    if (!Double.isFinite(v) || rounded < range[0] || rounded > range[1]) {
      throw new NiftiFormatException(target, "value " + v + " at voxel " + i + " does not fit datatype " + type);
    }
    return (long) rounded;
  }

  private static double[] range(NiftiDataType type) {
    return switch (type) {
      case UINT8 -> new double[] {0, 255};
      case INT8 -> new double[] {-128, 127};
      case INT16 -> new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case UINT16 -> new double[] {0, 65535};
      case INT32 -> new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case UINT32 -> new double[] {0, 4294967295.0};
      default -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    };
  }

  /** Scans the values once and picks the smallest integer type, else float32, else float64. */
  static NiftiDataType smallestLossless(NiftiImage image) {
    VoxelArray raw = image.data();
    if (raw.type() == NiftiDataType.UINT8 && !image.hasScaling()) {
      return NiftiDataType.UINT8;
    }
    if ((raw.type() == NiftiDataType.INT64 || raw.type() == NiftiDataType.UINT64) && !image.hasScaling()) {
      return integerTypeFor(minMax(image), raw.type());
    }
    boolean integers = true;
    boolean fitsFloat = true;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      double v = image.scaledValue(i);
      if (integers && (v != Math.rint(v) || !Double.isFinite(v))) {
        integers = false;
      }
      if (fitsFloat && (double) (float) v != v && !Double.isNaN(v)) {
        fitsFloat = false;
      }
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    if (integers && n > 0) {
      NiftiDataType type = integerTypeFor(new double[] {min, max}, null);
      if (type != null) {
        return type;
      }
    }
    return fitsFloat ? NiftiDataType.FLOAT32 : NiftiDataType.FLOAT64;
  }

  private static double[] minMax(NiftiImage image) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < image.data().length(); i++) {
      double v = image.scaledValue(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {min, max};
  }

  private static NiftiDataType integerTypeFor(double[] minMax, NiftiDataType fallback) {
    for (NiftiDataType type : new NiftiDataType[] {
        NiftiDataType.UINT8, NiftiDataType.INT8, NiftiDataType.INT16, NiftiDataType.UINT16,
        NiftiDataType.INT32, NiftiDataType.UINT32}) {
      double[] r = range(type);
      if (minMax[0] >= r[0] && minMax[1] <= r[1]) {
        return type;
      }
    }
    return fallback;
  }

  /** Encodes voxels {@code [start, start + count)} into {@code buffer} and advances its position. */
  static void encodeRange(VoxelArray data, int start, int count, ByteBuffer buffer) {
    int bytes = count * data.type().bytesPerVoxel();
    switch (data.type()) {
      case INT16, UINT16 -> buffer.asShortBuffer().put((short[]) data.array(), start, count);
      case INT32, UINT32 -> buffer.asIntBuffer().put((int[]) data.array(), start, count);
      case INT64, UINT64 -> buffer.asLongBuffer().put((long[]) data.array(), start, count);
      case FLOAT32 -> buffer.asFloatBuffer().put((float[]) data.array(), start, count);
      case FLOAT64 -> buffer.asDoubleBuffer().put((double[]) data.array(), start, count);
      default -> {
        buffer.put((byte[]) data.array(), start, count);
        return;
      }
    }
    buffer.position(buffer.position() + bytes);
  }
}
