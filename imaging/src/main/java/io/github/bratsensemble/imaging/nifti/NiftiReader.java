package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads NIfTI-1 and NIfTI-2 images from {@code .nii}, {@code .nii.gz} and {@code .hdr}/{@code
 * .img} pairs, plain or gzipped. Compression is detected from the gzip magic bytes, not the file
 * name; the byte order from {@code sizeof_hdr} (348 for NIfTI-1, 540 for NIfTI-2).
 *
 * <p>Header layout, byte offsets in NIfTI-1 / NIfTI-2:
 *
 * <pre>
 *   field            NIfTI-1          NIfTI-2
 *   sizeof_hdr       0   int32        0   int32
 *   magic            344 char[4]      4   char[8]
 *   dim[8]           40  int16        16  int64
 *   datatype, bitpix 70, 72 int16     12, 14 int16
 *   pixdim[8]        76  float32      104 float64
 *   vox_offset       108 float32      168 int64
 *   scl_slope/inter  112/116 float32  176/184 float64
 *   qform/sform_code 252/254 int16    344/348 int32
 *   quatern_b..d     256.. float32    352.. float64
 *   qoffset_x..z     268.. float32    376.. float64
 *   srow_x/y/z[4]    280.. float32    400.. float64
 *   extender         348 char[4]      540 char[4]
 * </pre>
 */
public final class NiftiReader {
  /** Smallest voxel size accepted in a header, in mm: a micrometre. */
  private static final double MIN_VOXEL_SIZE_MM = 1e-3;

  private static final int NIFTI1_HEADER_SIZE = 348;
  private static final int NIFTI2_HEADER_SIZE = 540;
  private static final int BUFFER_SIZE = 1 << 16;

  private NiftiReader() {}

  public static NiftiImage read(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString(), null, "file not found");
      }
      throw new NiftiFormatException(path, "not a regular file");
    }
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".hdr") || name.endsWith(".hdr.gz")) {
      return readPair(path, findPartner(path, ".hdr", ".img"));
    }
    if (name.endsWith(".img") || name.endsWith(".img.gz")) {
      return readPair(findPartner(path, ".img", ".hdr"), path);
    }
    return readSingle(path);
  }

  private static NiftiImage readSingle(Path path) throws IOException {
    try (InputStream in = open(path)) {
      byte[] first = readUpTo(in, NIFTI1_HEADER_SIZE);
      ParsedHeader parsed = parseStart(path, first, in);
      long headerEnd = parsed.headerSize;
      List<NiftiExtension> extensions = List.of();
      long position = headerEnd;
      if (parsed.voxOffset < headerEnd) {
        throw new NiftiFormatException(path, "vox_offset is " + parsed.voxOffset + " but must be at least "
            + headerEnd + " in a single-file NIfTI-" + parsed.version);
      }
      if (parsed.voxOffset >= headerEnd + 4) {
        byte[] extender = readExactly(path, in, 4, "header extender");
        position += 4;
        if (extender[0] != 0) {
          byte[] extensionBytes = readExactly(path, in, (int) (parsed.voxOffset - position), "header extensions");
          extensions = parseExtensions(path, extensionBytes, parsed.order);
          position = parsed.voxOffset;
        }
      }
      skipExactly(path, in, parsed.voxOffset - position);
      return readData(path, in, parsed, extensions);
    } catch (ZipException e) {
      throw new NiftiFormatException(path, "corrupt gzip data (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new NiftiFormatException(path, "truncated file (" + e.getMessage() + ")", e);
    }
  }

  private static NiftiImage readPair(Path headerPath, Path imagePath) throws IOException {
    ParsedHeader parsed;
    List<NiftiExtension> extensions = List.of();
    try (InputStream in = open(headerPath)) {
      byte[] first = readUpTo(in, NIFTI1_HEADER_SIZE);
      parsed = parseStart(headerPath, first, in);
      byte[] rest = in.readAllBytes();
      if (rest.length >= 4 && rest[0] != 0) {
        byte[] extensionBytes = java.util.Arrays.copyOfRange(rest, 4, rest.length);
        extensions = parseExtensions(headerPath, extensionBytes, parsed.order);
      }
    } catch (ZipException e) {
      throw new NiftiFormatException(headerPath, "corrupt gzip data (" + e.getMessage() + ")", e);
    }
    try (InputStream in = open(imagePath)) {
      skipExactly(imagePath, in, parsed.voxOffset);
      return readData(imagePath, in, parsed, extensions);
    } catch (ZipException e) {
      throw new NiftiFormatException(imagePath, "corrupt gzip data (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new NiftiFormatException(imagePath, "truncated file (" + e.getMessage() + ")", e);
    }
  }

  private static Path findPartner(Path path, String ownSuffix, String partnerSuffix) throws IOException {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    int at = lower.lastIndexOf(ownSuffix);
    String stem = name.substring(0, at);
    boolean upper = name.substring(at, at + ownSuffix.length()).equals(ownSuffix.toUpperCase(java.util.Locale.ROOT));
    String suffix = upper ? partnerSuffix.toUpperCase(java.util.Locale.ROOT) : partnerSuffix;
    List<Path> candidates = List.of(
        path.resolveSibling(stem + suffix + (lower.endsWith(".gz") ? ".gz" : "")),
        path.resolveSibling(stem + suffix + (lower.endsWith(".gz") ? "" : ".gz")));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new NiftiFormatException(path, "the matching " + partnerSuffix + " file was not found (looked for "
        + candidates.get(0).getFileName() + " and " + candidates.get(1).getFileName() + ")");
  }

  /** Opens a file, transparently decompressing it when it starts with the gzip magic bytes. */
  private static InputStream open(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER_SIZE);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(raw, BUFFER_SIZE);
    }
    return raw;
  }

  /** Header fields needed to read the voxel data, plus the full header record. */
  private record ParsedHeader(int version, ByteOrder order, int headerSize, long voxOffset, NiftiHeader header,
      NiftiDataType type, long[] shape, Grid grid) {}

  private static ParsedHeader parseStart(Path path, byte[] first, InputStream in) throws IOException {
    if (first.length < 4) {
      throw new NiftiFormatException(path, "not a NIfTI file: " + first.length + " bytes, shorter than a header");
    }
    ByteBuffer probe = ByteBuffer.wrap(first, 0, 4);
    int little = probe.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    int big = probe.order(ByteOrder.BIG_ENDIAN).getInt(0);
    ByteOrder order;
    int size;
    if (little == NIFTI1_HEADER_SIZE || little == NIFTI2_HEADER_SIZE) {
      order = ByteOrder.LITTLE_ENDIAN;
      size = little;
    } else if (big == NIFTI1_HEADER_SIZE || big == NIFTI2_HEADER_SIZE) {
      order = ByteOrder.BIG_ENDIAN;
      size = big;
    } else {
      throw new NiftiFormatException(path, "not a NIfTI file: sizeof_hdr is " + little
          + " (expected 348 for NIfTI-1 or 540 for NIfTI-2)");
    }
    byte[] bytes = first;
    if (first.length < size) {
      byte[] more = size > first.length ? readUpTo(in, size - first.length) : new byte[0];
      bytes = new byte[first.length + more.length];
      System.arraycopy(first, 0, bytes, 0, first.length);
      System.arraycopy(more, 0, bytes, first.length, more.length);
    }
    if (bytes.length < size) {
      throw new NiftiFormatException(path, "truncated header: " + bytes.length + " bytes, expected " + size);
    }
    ByteBuffer h = ByteBuffer.wrap(bytes).order(order);
    return size == NIFTI1_HEADER_SIZE ? parseNifti1(path, h) : parseNifti2(path, h);
  }

  private static ParsedHeader parseNifti1(Path path, ByteBuffer h) throws NiftiFormatException {
    String magic = ascii(h, 344, 4);
    if (!magic.equals("n+1") && !magic.equals("ni1")) {
      throw new NiftiFormatException(path, "not a NIfTI-1 file: magic is '" + printable(h, 344, 4)
          + "' (expected 'n+1' or 'ni1'; Analyze 7.5 files are not supported)");
    }
    long[] dim = new long[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = h.getShort(40 + 2 * i);
    }
    double[] pixdim = new double[8];
    for (int i = 0; i < 8; i++) {
      pixdim[i] = h.getFloat(76 + 4 * i);
    }
    int qformCode = h.getShort(252);
    int sformCode = h.getShort(254);
    double[] srow = new double[12];
    for (int i = 0; i < 12; i++) {
      srow[i] = h.getFloat(280 + 4 * i);
    }
    double[] quatern = {h.getFloat(256), h.getFloat(260), h.getFloat(264)};
    double[] offset = {h.getFloat(268), h.getFloat(272), h.getFloat(276)};
    Fields f = new Fields(1, h.order(), dim, pixdim, h.getShort(70), h.getShort(72), (long) h.getFloat(108),
        h.getFloat(112), h.getFloat(116), h.getFloat(128), h.getFloat(124), qformCode, sformCode, quatern, offset,
        srow, h.get(123) & 0xFF, h.getShort(68), ascii(h, 328, 16), ascii(h, 148, 80), ascii(h, 228, 24),
        h.get(39) & 0xFF);
    return finish(path, f, NIFTI1_HEADER_SIZE);
  }

  private static ParsedHeader parseNifti2(Path path, ByteBuffer h) throws NiftiFormatException {
    String magic = ascii(h, 4, 8);
    if (!magic.equals("n+2") && !magic.equals("ni2")) {
      throw new NiftiFormatException(path, "not a NIfTI-2 file: magic is '" + printable(h, 4, 4)
          + "' (expected 'n+2' or 'ni2')");
    }
    long[] dim = new long[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = h.getLong(16 + 8 * i);
    }
    double[] pixdim = new double[8];
    for (int i = 0; i < 8; i++) {
      pixdim[i] = h.getDouble(104 + 8 * i);
    }
    double[] srow = new double[12];
    for (int i = 0; i < 12; i++) {
      srow[i] = h.getDouble(400 + 8 * i);
    }
    double[] quatern = {h.getDouble(352), h.getDouble(360), h.getDouble(368)};
    double[] offset = {h.getDouble(376), h.getDouble(384), h.getDouble(392)};
    Fields f = new Fields(2, h.order(), dim, pixdim, h.getShort(12), h.getShort(14), h.getLong(168),
        h.getDouble(176), h.getDouble(184), h.getDouble(200), h.getDouble(192), h.getInt(344), h.getInt(348),
        quatern, offset, srow, h.getInt(500), h.getInt(504), ascii(h, 508, 16), ascii(h, 240, 80),
        ascii(h, 320, 24), h.get(524) & 0xFF);
    return finish(path, f, NIFTI2_HEADER_SIZE);
  }

  /** Raw header values common to both versions, before validation. */
  private record Fields(int version, ByteOrder order, long[] dim, double[] pixdim, int dataTypeCode, int bitpix,
      long voxOffset, double sclSlope, double sclInter, double calMin, double calMax, int qformCode, int sformCode,
      double[] quatern, double[] qoffset, double[] srow, int xyztUnits, int intentCode, String intentName,
      String description, String auxFile, int dimInfo) {}

  private static ParsedHeader finish(Path path, Fields f, int headerSize) throws NiftiFormatException {
    long[] dim = f.dim;
    if (dim[0] < 1 || dim[0] > 7) {
      throw new NiftiFormatException(path, "dim[0] is " + dim[0] + " (expected 1 to 7 dimensions)");
    }
    int rank = (int) dim[0];
    long voxels = 1;
    for (int i = 1; i <= rank; i++) {
      if (dim[i] < 1 || dim[i] > Integer.MAX_VALUE) {
        throw new NiftiFormatException(path, "dim[" + i + "] is " + dim[i] + " (expected a positive size)");
      }
      voxels *= dim[i];
      if (voxels > Integer.MAX_VALUE - 8) {
        throw new NiftiFormatException(path, "image of " + describeDims(dim) + " voxels exceeds the limit of 2^31 voxels");
      }
    }
    NiftiDataType type = NiftiDataType.fromCode(f.dataTypeCode);
    if (type == null) {
      throw new NiftiFormatException(path, "unsupported datatype " + NiftiDataType.describeCode(f.dataTypeCode)
          + "; supported are uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64");
    }
    if (f.voxOffset < 0) {
      throw new NiftiFormatException(path, "vox_offset is " + f.voxOffset + " (expected a non-negative offset)");
    }

    // Trailing singleton dimensions are dropped; the spatial part is always padded to three axes.
    int kept = rank;
    while (kept > 3 && dim[kept] == 1) {
      kept--;
    }
    long[] shape = new long[Math.max(3, kept)];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = i < rank ? dim[i + 1] : 1;
    }
    Dimensions spatial = new Dimensions((int) shape[0], (int) shape[1], (int) shape[2]);

    Affine sform = null;
    if (f.sformCode > 0) {
      sform = safeAffine(path, "sform", f.srow);
    }
    Affine qform = null;
    if (f.qformCode > 0) {
      double[] spacing = {spacingOf(f.pixdim[1]), spacingOf(f.pixdim[2]), spacingOf(f.pixdim[3])};
      double qfac = f.pixdim[0] < 0 ? -1 : 1;
      qform = Quaternions.toAffine(f.quatern[0], f.quatern[1], f.quatern[2], f.qoffset, spacing, qfac);
    }
    NiftiHeader header = new NiftiHeader(f.version, f.order, dim, f.pixdim, f.dataTypeCode, f.bitpix, f.voxOffset,
        f.sclSlope, f.sclInter, f.calMin, f.calMax, f.qformCode, f.sformCode, qform, sform, f.xyztUnits,
        f.intentCode, f.intentName, f.description, f.auxFile, f.dimInfo, List.of());
    Affine best = header.bestAffine();
    double volume = 1;
    for (int axis = 0; axis < 3; axis++) {
      double size = best.columnNorm(axis);
      if (size < MIN_VOXEL_SIZE_MM) {
        String sizeText = new java.math.BigDecimal(size).round(new java.math.MathContext(3)).stripTrailingZeros()
            .toPlainString();
        throw new NiftiFormatException(path, "voxel size along axis " + axis + " is " + sizeText + " mm in the voxel-to-world"
            + " affine " + best + "; at least " + MIN_VOXEL_SIZE_MM + " mm is expected");
      }
      volume *= size;
    }
    // Relative to the voxel sizes, so only axes that (nearly) coincide count as singular.
    if (Math.abs(best.determinant()) < 1e-6 * volume) {
      throw new NiftiFormatException(path, "voxel-to-world affine is singular: " + best);
    }
    return new ParsedHeader(f.version, f.order, headerSize, f.voxOffset, header, type, shape, new Grid(spatial, best));
  }

  private static Affine safeAffine(Path path, String name, double[] rows) throws NiftiFormatException {
    for (double v : rows) {
      if (!Double.isFinite(v)) {
        throw new NiftiFormatException(path, name + " contains a non-finite value");
      }
    }
    return Affine.ofRows(rows);
  }

  private static double spacingOf(double pixdim) {
    double d = Math.abs(pixdim);
    return d == 0 || !Double.isFinite(d) ? 1 : d;
  }

  private static NiftiImage readData(Path path, InputStream in, ParsedHeader parsed, List<NiftiExtension> extensions)
      throws IOException {
    long voxels = 1;
    for (long s : parsed.shape) {
      voxels *= s;
    }
    long byteCount = voxels * parsed.type.bytesPerVoxel();
    if (byteCount > Integer.MAX_VALUE - 8) {
      throw new NiftiFormatException(path, "voxel data of " + byteCount + " bytes exceeds the 2 GiB array limit");
    }
    byte[] bytes = new byte[(int) byteCount];
    int read = in.readNBytes(bytes, 0, bytes.length);
    if (read < bytes.length) {
      throw new NiftiFormatException(path, "truncated voxel data: expected " + byteCount + " bytes for "
          + describeShape(parsed.shape) + " " + parsed.type + " voxels after offset " + parsed.voxOffset
          + " but found " + read);
    }
    // Reading to the end makes GZIPInputStream verify the CRC and length trailer.
    in.transferTo(java.io.OutputStream.nullOutputStream());

    VoxelArray data = VoxelArray.decode(parsed.type, bytes, (int) voxels, parsed.order);
    NiftiHeader h = parsed.header;
    NiftiHeader withExtensions = new NiftiHeader(h.version(), h.byteOrder(), h.dim(), h.pixdim(), h.dataTypeCode(),
        h.bitpix(), h.voxOffset(), h.sclSlope(), h.sclInter(), h.calMin(), h.calMax(), h.qformCode(), h.sformCode(),
        h.qform(), h.sform(), h.xyztUnits(), h.intentCode(), h.intentName(), h.description(), h.auxFile(),
        h.dimInfo(), extensions);
    return new NiftiImage(path, withExtensions, data, parsed.shape, parsed.grid, h.effectiveSlope(),
        h.effectiveIntercept(), h.qformCode(), h.sformCode(), extensions);
  }

  private static List<NiftiExtension> parseExtensions(Path path, byte[] bytes, ByteOrder order)
      throws NiftiFormatException {
    List<NiftiExtension> result = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    while (b.remaining() >= 8) {
      int size = b.getInt();
      int code = b.getInt();
      if (size == 0 && code == 0) {
        break;
      }
      if (size < 8 || size - 8 > b.remaining()) {
        throw new NiftiFormatException(path, "header extension has size " + size + " but only "
            + (b.remaining() + 8) + " bytes remain before the voxel data");
      }
      byte[] content = new byte[size - 8];
      b.get(content);
      result.add(new NiftiExtension(code, content));
    }
    return result;
  }

  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    return in.readNBytes(n);
  }

  private static byte[] readExactly(Path path, InputStream in, int n, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new NiftiFormatException(path, "truncated " + what + ": expected " + n + " bytes, found " + b.length);
    }
    return b;
  }

  private static void skipExactly(Path path, InputStream in, long n) throws IOException {
    long remaining = n;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new NiftiFormatException(path, "truncated file: ended before vox_offset " + n);
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
  }

  private static String ascii(ByteBuffer h, int offset, int length) {
    byte[] b = new byte[length];
    h.get(offset, b);
    int end = 0;
    while (end < length && b[end] != 0) {
      end++;
    }
    return new String(b, 0, end, StandardCharsets.ISO_8859_1).trim();
  }

  private static String printable(ByteBuffer h, int offset, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int c = h.get(offset + i) & 0xFF;
      sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return sb.toString();
  }

  private static String describeDims(long[] dim) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= dim[0]; i++) {
      sb.append(i > 1 ? "x" : "").append(dim[i]);
    }
    return sb.toString();
  }

  private static String describeShape(long[] shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? "x" : "").append(shape[i]);
    }
    return sb.toString();
  }
}
