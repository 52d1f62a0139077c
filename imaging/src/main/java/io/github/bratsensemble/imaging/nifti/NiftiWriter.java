package io.github.bratsensemble.imaging.nifti;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes single-file NIfTI-1 images ({@code n+1}), little-endian, gzipped when the file name ends
 * in {@code .gz}. Both qform and sform are set from the image's affine, {@code pixdim} holds the
 * voxel spacing, {@code xyzt_units} says millimetres, and the stored values are the scaled ones
 * ({@code scl_slope} 1, {@code scl_inter} 0). Files are written atomically.
 */
public final class NiftiWriter {
  private static final int HEADER_SIZE = 348;
  private static final int NIFTI_UNITS_MM = 2;
  /** Time-unit bits of {@code xyzt_units}, kept from the source header. */
  private static final int TIME_UNIT_MASK = 0x38;

  private NiftiWriter() {}

  public static void write(Path path, NiftiImage image, WriteOptions options) throws IOException {
    VoxelArray data = StorageTypes.convert(image, options.dataType(), path);
    ByteBuffer header = header(image, data, options);
    boolean gzip = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    AtomicFiles.write(path, raw -> {
      OutputStream out = gzip ? new FastGzipOutputStream(raw) : new BufferedOutputStream(raw, 1 << 16);
      out.write(header.array(), 0, header.limit());
      writeVoxels(out, data);
      out.close();
    });
  }

  private static ByteBuffer header(NiftiImage image, VoxelArray data, WriteOptions options) {
    int extensionBytes = 0;
    for (NiftiExtension e : image.extensions()) {
      extensionBytes += e.paddedSize();
    }
    int voxOffset = HEADER_SIZE + 4 + extensionBytes;
    ByteBuffer h = ByteBuffer.allocate(voxOffset).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, HEADER_SIZE);
    h.put(38, (byte) 'r');

    long[] shape = image.shape();
    h.putShort(40, (short) shape.length);
    for (int i = 0; i < 7; i++) {
      h.putShort(42 + 2 * i, (short) (i < shape.length ? shape[i] : 1));
    }
    NiftiHeader source = image.header();
    if (source != null) {
      h.putShort(68, (short) source.intentCode());
      putAscii(h, 328, 16, source.intentName());
      h.put(39, (byte) source.dimInfo());
    }
    h.putShort(70, (short) data.type().code());
    h.putShort(72, (short) (8 * data.type().bytesPerVoxel()));

    Affine affine = image.grid().affine();
    Quaternions.QForm q = Quaternions.fromAffine(affine);
    h.putFloat(76, (float) q.qfac());
    for (int i = 0; i < 3; i++) {
      h.putFloat(80 + 4 * i, (float) q.spacing()[i]);
    }
    double[] sourcePixdim = source == null ? null : source.pixdim();
    for (int i = 4; i < 8; i++) {
      double value = sourcePixdim != null && Double.isFinite(sourcePixdim[i]) && sourcePixdim[i] != 0 ? sourcePixdim[i] : 1;
      h.putFloat(76 + 4 * i, (float) value);
    }
    h.putFloat(108, voxOffset);
    h.putFloat(112, 1f);
    h.putFloat(116, 0f);
    int timeUnits = source == null ? 0 : source.xyztUnits() & TIME_UNIT_MASK;
    h.put(123, (byte) (NIFTI_UNITS_MM | timeUnits));
    putAscii(h, 148, 80, options.description());

    int qformCode = image.qformCode() > 0 ? image.qformCode() : Math.max(1, image.sformCode());
    int sformCode = image.sformCode() > 0 ? image.sformCode() : Math.max(1, image.qformCode());
    h.putShort(252, (short) qformCode);
    h.putShort(254, (short) sformCode);
    h.putFloat(256, (float) q.b());
    h.putFloat(260, (float) q.c());
    h.putFloat(264, (float) q.d());
    for (int i = 0; i < 3; i++) {
      h.putFloat(268 + 4 * i, (float) q.offset()[i]);
    }
    double[] rows = affine.toRows();
    for (int i = 0; i < 12; i++) {
      h.putFloat(280 + 4 * i, (float) rows[i]);
    }
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);

    // Extender: byte 0 set when extensions follow, each padded to a multiple of 16 bytes.
    h.position(HEADER_SIZE);
    h.put((byte) (image.extensions().isEmpty() ? 0 : 1)).put((byte) 0).put((byte) 0).put((byte) 0);
    for (NiftiExtension e : image.extensions()) {
      int size = e.paddedSize();
      h.putInt(size);
      h.putInt(e.code());
      byte[] content = e.content();
      h.put(content);
      h.position(h.position() + size - 8 - content.length);
    }
    h.position(0);
    return h;
  }

  private static void writeVoxels(OutputStream out, VoxelArray data) throws IOException {
    int bytesPerVoxel = data.type().bytesPerVoxel();
    int chunkVoxels = (1 << 20) / bytesPerVoxel;
    if (data.type() == NiftiDataType.UINT8 || data.type() == NiftiDataType.INT8) {
      out.write((byte[]) data.array(), 0, data.length());
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(chunkVoxels * bytesPerVoxel).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < data.length(); start += chunkVoxels) {
      int count = Math.min(chunkVoxels, data.length() - start);
      buffer.clear();
      StorageTypes.encodeRange(data, start, count, buffer);
      out.write(buffer.array(), 0, buffer.position());
    }
  }

  private static void putAscii(ByteBuffer h, int offset, int length, String text) {
    if (text == null) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int n = Math.min(bytes.length, length - 1);
    for (int i = 0; i < n; i++) {
      h.put(offset + i, bytes[i]);
    }
  }

  /** Gzip at the fastest compression level: label maps and images still shrink several-fold. */
  private static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(new BufferedOutputStream(out, 1 << 16), 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
