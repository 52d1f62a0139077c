package io.github.bratsensemble.imaging.nifti;

/** The NIfTI voxel datatypes this codec reads and writes, with their header codes. */
public enum NiftiDataType {
  UINT8(2, 1, "uint8", true),
  INT16(4, 2, "int16", true),
  INT32(8, 4, "int32", true),
  FLOAT32(16, 4, "float32", false),
  FLOAT64(64, 8, "float64", false),
  INT8(256, 1, "int8", true),
  UINT16(512, 2, "uint16", true),
  UINT32(768, 4, "uint32", true),
  INT64(1024, 8, "int64", true),
  UINT64(1280, 8, "uint64", true);

  private final int code;
  private final int bytesPerVoxel;
  private final String displayName;
  private final boolean integer;

  NiftiDataType(int code, int bytesPerVoxel, String displayName, boolean integer) {
    this.code = code;
    this.bytesPerVoxel = bytesPerVoxel;
    this.displayName = displayName;
    this.integer = integer;
  }

  public int code() {
    return code;
  }

  public int bytesPerVoxel() {
    return bytesPerVoxel;
  }

  public boolean isInteger() {
    return integer;
  }

  /** Returns the datatype for a header code, or {@code null} if this codec does not support it. */
  public static NiftiDataType fromCode(int code) {
    for (NiftiDataType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }

  /** Names unsupported codes too, for error messages (e.g. 128 is RGB24). */
  static String describeCode(int code) {
    return switch (code) {
      case 0 -> "unknown (0)";
      case 1 -> "binary (1)";
      case 32 -> "complex64 (32)";
      case 128 -> "rgb24 (128)";
      case 1536 -> "float128 (1536)";
      case 1792 -> "complex128 (1792)";
      case 2048 -> "complex256 (2048)";
      case 2304 -> "rgba32 (2304)";
      default -> {
        NiftiDataType type = fromCode(code);
        yield type == null ? "code " + code : type.displayName + " (" + code + ")";
      }
    };
  }

  @Override
  public String toString() {
    return displayName;
  }
}
