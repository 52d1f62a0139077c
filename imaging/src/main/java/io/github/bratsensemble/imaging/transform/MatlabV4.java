package io.github.bratsensemble.imaging.transform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoder and decoder for MATLAB version 4 MAT files holding real, full numeric matrices, the
 * container ITK uses for ANTs' {@code .mat} transforms.
 *
 * <p>Each variable is a 20-byte header of five int32 values followed by the name and the data:
 *
 * <pre>
 *   type     1000*M + 100*O + 10*P + T   M: 0 little-endian, 1 big-endian; O: 0;
 *                                        P: 0 float64, 1 float32, 2 int32, 3 int16, 4 uint16, 5 uint8;
 *                                        T: 0 full numeric matrix
 *   mrows    number of rows
 *   ncols    number of columns
 *   imagf    1 if an imaginary part follows the real part (rejected here)
 *   namlen   length of the name including its terminating NUL
 *   name     namlen bytes, ASCII
 *   real     mrows*ncols values, column-major
 * </pre>
 *
 * The byte order of a file is detected from its first header: a type that is invalid in
 * little-endian order is read big-endian.
 */
final class MatlabV4 {
  private MatlabV4() {}

  /** Storage type of a variable's values. */
  enum Precision {
    FLOAT64(0, 8),
    FLOAT32(1, 4),
    INT32(2, 4),
    INT16(3, 2),
    UINT16(4, 2),
    UINT8(5, 1);

    final int code;
    final int bytes;

    Precision(int code, int bytes) {
      this.code = code;
      this.bytes = bytes;
    }
  }

  /** One matrix; {@code values} is column-major. */
  record Variable(String name, int rows, int columns, Precision precision, double[] values) {}

  /** Decodes every variable; {@code source} names the file in error messages. */
  static List<Variable> decode(byte[] bytes, String source) throws TransformFormatException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.order(detectOrder(bytes, source));
    List<Variable> variables = new ArrayList<>();
    while (buffer.remaining() > 0) {
      if (buffer.remaining() < 20) {
        throw new TransformFormatException(source + ": truncated MATLAB v4 header at byte " + buffer.position()
            + " (" + buffer.remaining() + " bytes left, 20 needed)");
      }
      int start = buffer.position();
      int type = buffer.getInt();
      int rows = buffer.getInt();
      int columns = buffer.getInt();
      int imaginary = buffer.getInt();
      int nameLength = buffer.getInt();
      Precision precision = precisionOf(type, start, source);
      if (imaginary != 0) {
        throw new TransformFormatException(source + ": variable at byte " + start
            + " has an imaginary part; a real matrix is expected");
      }
      if (rows < 0 || columns < 0 || nameLength < 1 || nameLength > 4096) {
        throw new TransformFormatException(source + ": invalid MATLAB v4 header at byte " + start + " (rows "
            + rows + ", columns " + columns + ", name length " + nameLength + ")");
      }
      long dataBytes = (long) rows * columns * precision.bytes;
      if (buffer.remaining() < nameLength + dataBytes) {
        throw new TransformFormatException(source + ": truncated MATLAB v4 variable at byte " + start + " ("
            + (nameLength + dataBytes) + " bytes needed, " + buffer.remaining() + " left)");
      }
      byte[] nameBytes = new byte[nameLength];
      buffer.get(nameBytes);
      int end = 0;
      while (end < nameLength && nameBytes[end] != 0) {
        end++;
      }
      String name = new String(nameBytes, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
      double[] values = new double[rows * columns];
      for (int i = 0; i < values.length; i++) {
        values[i] = switch (precision) {
          case FLOAT64 -> buffer.getDouble();
          case FLOAT32 -> buffer.getFloat();
          case INT32 -> buffer.getInt();
          case INT16 -> buffer.getShort();
          case UINT16 -> buffer.getShort() & 0xFFFF;
          case UINT8 -> buffer.get() & 0xFF;
        };
      }
      variables.add(new Variable(name, rows, columns, precision, values));
    }
    return variables;
  }

  /** Encodes variables little-endian; only FLOAT64 and FLOAT32 are written. */
  static byte[] encode(List<Variable> variables) {
    int size = 0;
    for (Variable v : variables) {
      size += 20 + v.name().length() + 1 + v.values().length * v.precision().bytes;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (Variable v : variables) {
      if (v.precision() != Precision.FLOAT64 && v.precision() != Precision.FLOAT32) {
        throw new IllegalArgumentException("only float64 and float32 variables are written, not " + v.precision());
      }
      buffer.putInt(10 * v.precision().code);
      buffer.putInt(v.rows());
      buffer.putInt(v.columns());
      buffer.putInt(0);
      buffer.putInt(v.name().length() + 1);
      buffer.put(v.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      buffer.put((byte) 0);
      for (double value : v.values()) {
        if (v.precision() == Precision.FLOAT64) {
          buffer.putDouble(value);
        } else {
          buffer.putFloat((float) value);
        }
      }
    }
    return buffer.array();
  }

  private static ByteOrder detectOrder(byte[] bytes, String source) throws TransformFormatException {
    if (bytes.length < 20) {
      throw new TransformFormatException(source + ": " + bytes.length
          + " bytes is too short for a MATLAB v4 file (a variable header is 20 bytes)");
    }
    int little = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (little >= 0 && little < 1000) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    int big = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    if (big >= 1000 && big < 2000) {
      return ByteOrder.BIG_ENDIAN;
    }
    throw new TransformFormatException(source + ": not a MATLAB v4 file (first header type is " + little
        + " read little-endian and " + big + " read big-endian)");
  }

  private static Precision precisionOf(int type, int offset, String source) throws TransformFormatException {
    int t = type % 10;
    int p = (type / 10) % 10;
    int o = (type / 100) % 10;
    if (t != 0 || o != 0 || p > 5) {
      throw new TransformFormatException(source + ": variable at byte " + offset + " has MATLAB v4 type " + type
          + "; a full numeric matrix (type 0, 10, 20, 30, 40 or 50) is expected");
    }
    return Precision.values()[p];
  }
}
