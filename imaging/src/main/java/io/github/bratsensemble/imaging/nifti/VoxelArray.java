package io.github.bratsensemble.imaging.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Raw voxel values in the file's own datatype, unscaled, stored in the smallest Java primitive
 * array of the same width: {@code byte[]} for (u)int8, {@code short[]} for (u)int16, {@code int[]}
 * for (u)int32, {@code long[]} for (u)int64, {@code float[]} and {@code double[]}. Unsigned types
 * are read back through {@link #get(int)} with their unsigned value, so a 240x240x155 int16 image
 * takes 2 bytes per voxel.
 */
public final class VoxelArray {
  private final NiftiDataType type;
  private final Object array;
  private final int length;

  private VoxelArray(NiftiDataType type, Object array, int length) {
    this.type = type;
    this.array = array;
    this.length = length;
  }

  /** Decodes {@code count} voxels of {@code type} from {@code bytes} in the given byte order. */
  static VoxelArray decode(NiftiDataType type, byte[] bytes, int count, ByteOrder order) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, count * type.bytesPerVoxel()).order(order);
    return switch (type) {
      case UINT8, INT8 -> {
        byte[] a = bytes.length == count ? bytes : java.util.Arrays.copyOf(bytes, count);
        yield new VoxelArray(type, a, count);
      }
      case INT16, UINT16 -> {
        short[] a = new short[count];
        buffer.asShortBuffer().get(a);
        yield new VoxelArray(type, a, count);
      }
      case INT32, UINT32 -> {
        int[] a = new int[count];
        buffer.asIntBuffer().get(a);
        yield new VoxelArray(type, a, count);
      }
      case INT64, UINT64 -> {
        long[] a = new long[count];
        buffer.asLongBuffer().get(a);
        yield new VoxelArray(type, a, count);
      }
      case FLOAT32 -> {
        float[] a = new float[count];
        buffer.asFloatBuffer().get(a);
        yield new VoxelArray(type, a, count);
      }
      case FLOAT64 -> {
        double[] a = new double[count];
        buffer.asDoubleBuffer().get(a);
        yield new VoxelArray(type, a, count);
      }
    };
  }

  public static VoxelArray ofBytes(NiftiDataType type, byte[] values) {
    requireType(type, NiftiDataType.UINT8, NiftiDataType.INT8);
    return new VoxelArray(type, values, values.length);
  }

  public static VoxelArray ofShorts(NiftiDataType type, short[] values) {
    requireType(type, NiftiDataType.INT16, NiftiDataType.UINT16);
    return new VoxelArray(type, values, values.length);
  }

  public static VoxelArray ofInts(NiftiDataType type, int[] values) {
    requireType(type, NiftiDataType.INT32, NiftiDataType.UINT32);
    return new VoxelArray(type, values, values.length);
  }

  public static VoxelArray ofFloats(float[] values) {
    return new VoxelArray(NiftiDataType.FLOAT32, values, values.length);
  }

  public static VoxelArray ofDoubles(double[] values) {
    return new VoxelArray(NiftiDataType.FLOAT64, values, values.length);
  }

  private static void requireType(NiftiDataType type, NiftiDataType a, NiftiDataType b) {
    if (type != a && type != b) {
      throw new IllegalArgumentException("datatype " + type + " does not fit this array; expected " + a + " or " + b);
    }
  }

  public NiftiDataType type() {
    return type;
  }

  public int length() {
    return length;
  }

  /** Returns the backing primitive array (not a copy); its class depends on {@link #type()}. */
  public Object array() {
    return array;
  }

  /** Returns voxel {@code i} as a double, reading unsigned types as unsigned. */
  public double get(int i) {
    return switch (type) {
      case UINT8 -> ((byte[]) array)[i] & 0xFF;
      case INT8 -> ((byte[]) array)[i];
      case INT16 -> ((short[]) array)[i];
      case UINT16 -> ((short[]) array)[i] & 0xFFFF;
      case INT32 -> ((int[]) array)[i];
      case UINT32 -> ((int[]) array)[i] & 0xFFFFFFFFL;
      case INT64 -> ((long[]) array)[i];
      case UINT64 -> unsignedToDouble(((long[]) array)[i]);
      case FLOAT32 -> ((float[]) array)[i];
      case FLOAT64 -> ((double[]) array)[i];
    };
  }

  /**
   * Copies voxels {@code [offset, offset + out.length)} into {@code out} as floats with {@code
   * value * slope + intercept} applied.
   */
  void toFloats(int offset, float[] out, double slope, double intercept) {
    boolean identity = slope == 1 && intercept == 0;
    int n = out.length;
    switch (type) {
      case UINT8 -> {
        byte[] a = (byte[]) array;
        for (int i = 0; i < n; i++) {
          out[i] = (float) ((a[offset + i] & 0xFF) * slope + intercept);
        }
      }
      case INT8 -> {
        byte[] a = (byte[]) array;
        for (int i = 0; i < n; i++) {
          out[i] = (float) (a[offset + i] * slope + intercept);
        }
      }
      case INT16 -> {
        short[] a = (short[]) array;
        if (identity) {
          for (int i = 0; i < n; i++) {
            out[i] = a[offset + i];
          }
        } else {
          for (int i = 0; i < n; i++) {
            out[i] = (float) (a[offset + i] * slope + intercept);
          }
        }
      }
      case UINT16 -> {
        short[] a = (short[]) array;
        for (int i = 0; i < n; i++) {
          out[i] = (float) ((a[offset + i] & 0xFFFF) * slope + intercept);
        }
      }
      case FLOAT32 -> {
        float[] a = (float[]) array;
        if (identity) {
          System.arraycopy(a, offset, out, 0, n);
        } else {
          for (int i = 0; i < n; i++) {
            out[i] = (float) (a[offset + i] * slope + intercept);
          }
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) (get(offset + i) * slope + intercept);
        }
      }
    }
  }

  private static double unsignedToDouble(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1L);
  }
}
