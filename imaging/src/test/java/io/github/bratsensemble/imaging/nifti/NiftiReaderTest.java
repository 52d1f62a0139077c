package io.github.bratsensemble.imaging.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiReaderTest {
  @TempDir
  Path work;

  @Test
  void bigAndLittleEndianReadIdentically() throws IOException {
    NiftiImage big = Nifti.read(TestData.require("nifti-edge-cases/big.nii.gz"));
    NiftiImage little = Nifti.read(TestData.require("nifti-edge-cases/little.nii.gz"));

    assertEquals(ByteOrder.BIG_ENDIAN, big.header().byteOrder());
    assertEquals(ByteOrder.LITTLE_ENDIAN, little.header().byteOrder());
    assertArrayEquals(new long[] {64, 64, 21}, big.shape());
    assertArrayEquals(new long[] {64, 64, 21}, little.shape());
    assertArrayEquals((float[]) little.data().array(), (float[]) big.data().array());
    assertEquals(little.grid(), big.grid());
    assertEquals("LAS", big.grid().orientationCode());
  }

  @Test
  void niftiTwoPairMatchesNiftiOnePair() throws IOException {
    NiftiImage one = Nifti.read(TestData.require("nifti-edge-cases/air.hdr.gz"));
    NiftiImage two = Nifti.read(TestData.require("nifti-edge-cases/air2.img.gz"));

    assertEquals(1, one.header().version());
    assertEquals(2, two.header().version());
    assertArrayEquals(new long[] {79, 67, 64}, two.shape());
    assertArrayEquals((float[]) one.data().array(), (float[]) two.data().array());
    assertTrue(one.grid().matches(two.grid(), 1e-6));
  }

  @Test
  void sformOnlyFileUsesSform() throws IOException {
    NiftiImage image = Nifti.read(TestData.require("nifti-edge-cases/avg152T1_LR_nifti.nii.gz"));

    assertEquals(0, image.qformCode());
    assertEquals(4, image.sformCode());
    assertEquals(ByteOrder.BIG_ENDIAN, image.header().byteOrder());
    assertEquals(0.0, image.header().sclSlope());
    assertEquals(1.0, image.slope());
    assertArrayEquals(new double[] {2, 2, 2}, image.grid().spacingMm());
    assertEquals("LAS", image.grid().orientationCode());
  }

  @Test
  void extensionIsKept() throws IOException {
    NiftiImage image = Nifti.read(TestData.require("nifti-edge-cases/with_extension.nii.gz"));

    assertEquals(736, image.header().voxOffset());
    assertEquals(1, image.extensions().size());
    assertEquals(736 - 352 - 8, image.extensions().get(0).content().length);
    assertArrayEquals(new long[] {161, 191, 151}, image.shape());
  }

  @Test
  void extensionSurvivesWrite() throws IOException {
    NiftiImage image = Nifti.read(TestData.require("nifti-edge-cases/with_extension.nii.gz"));
    Path out = work.resolve("copy.nii");
    NiftiWriter.write(out, image, WriteOptions.defaults());

    NiftiImage back = Nifti.read(out);
    assertEquals(image.extensions().get(0).code(), back.extensions().get(0).code());
    assertArrayEquals(image.extensions().get(0).content(), back.extensions().get(0).content());
    assertArrayEquals((byte[]) image.data().array(), (byte[]) back.data().array());
  }

  @Test
  void fiveDimensionalFileHasThreeVolumes() throws IOException {
    Path file = TestData.require("nifti-edge-cases/5D_small.nii");
    NiftiImage image = Nifti.read(file);

    assertArrayEquals(new long[] {1, 2, 3, 1, 3}, image.shape());
    assertEquals(3, image.volumeCount());
    NiftiFormatException e = assertThrows(NiftiFormatException.class, image::toFloatVolume);
    assertEquals(file + ": expected a 3-D image but found shape 1x2x3x1x3 (3 volumes)", e.getMessage());
  }

  @Test
  void trailingSingletonIsSqueezed() throws IOException {
    NiftiImage atlas = Nifti.read(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));

    assertArrayEquals(new long[] {240, 240, 155}, atlas.shape());
    assertTrue(atlas.isThreeDimensional());
    assertInstanceOf(short[].class, atlas.data().array());
  }

  @Test
  void notNiftiIsRejected() throws IOException {
    Path file = TestData.require("nifti-edge-cases/not-nifti.nii");
    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not a NIfTI file: sizeof_hdr is "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(expected 348 for NIfTI-1 or 540 for NIfTI-2)"), e.getMessage());
  }

  @Test
  void truncatedGzipIsRejected() throws IOException {
    byte[] full = Files.readAllBytes(TestData.require("nifti-edge-cases/little.nii.gz"));
    Path file = work.resolve("truncated.nii.gz");
    Files.write(file, Arrays.copyOf(full, full.length / 2));

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertTrue(e.getMessage().startsWith(file + ": truncated"), e.getMessage());
  }

  @Test
  void corruptGzipIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(TestData.require("nifti-edge-cases/little.nii.gz"));
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      bytes[i] ^= 0x5A;
    }
    Path file = work.resolve("corrupt.nii.gz");
    Files.write(file, bytes);

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
  }

  @Test
  void missingVoxelDataIsReported() throws IOException {
    Path file = work.resolve("short.nii");
    Files.write(file, header(2, new short[] {3, 10, 10, 10}, 352, 0));

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertEquals(file + ": truncated voxel data: expected 1000 bytes for 10x10x10 uint8 voxels after offset 352"
        + " but found 0", e.getMessage());
  }

  @Test
  void unsupportedDatatypeIsNamed() throws IOException {
    Path file = work.resolve("rgb.nii");
    Files.write(file, header(128, new short[] {3, 2, 2, 2}, 352, 24));

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertEquals(file + ": unsupported datatype rgb24 (128); supported are uint8, int8, int16, uint16, int32,"
        + " uint32, int64, uint64, float32, float64", e.getMessage());
  }

  @Test
  void negativeDimensionIsRejected() throws IOException {
    Path file = work.resolve("negative.nii");
    Files.write(file, header(2, new short[] {3, 10, -4, 10}, 352, 0));

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertEquals(file + ": dim[2] is -4 (expected a positive size)", e.getMessage());
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = work.resolve("empty.nii.gz");
    Files.write(file, new byte[0]);

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.read(file));
    assertEquals(file + ": not a NIfTI file: 0 bytes, shorter than a header", e.getMessage());
  }

  @Test
  void mixedTypeLabelMapsReadAsLabels() throws IOException {
    // Voxel counts of labels 0, 1, 2 and 4 as nibabel reports them (numpy.unique on the data).
    assertLabelCounts("lfb_rwth", 8904712, 11341, 11916, 31);
    assertLabelCounts("mic-dkfz", 8903377, 8604, 16019, 0);
    assertLabelCounts("scan", 8903294, 9021, 15685, 0);
    assertLabelCounts("zyx_2019", 8904557, 8436, 14995, 12);
  }

  private static void assertLabelCounts(String name, long background, long ncr, long edema, long enhancing)
      throws IOException {
    LabelVolume labels = Nifti.readLabels(
        TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations/" + name + ".nii.gz"));
    long[] histogram = labels.histogram();
    assertArrayEquals(new long[] {background, ncr, edema, enhancing},
        new long[] {histogram[0], histogram[1], histogram[2], histogram[4]}, name);
    assertEquals("LPS", labels.grid().orientationCode(), name);
  }

  @Test
  void nanInLabelMapNamesVoxel() throws IOException {
    Path file = work.resolve("nan.nii");
    byte[] bytes = header(16, new short[] {3, 2, 2, 2}, 352, 32);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(352 + 4 * 5, Float.NaN);
    Files.write(file, bytes);

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file));
    assertEquals(file + ": expected integer labels 0..255 but found NaN at voxel (1, 0, 1) (datatype float32)",
        e.getMessage());
  }

  @Test
  void fractionalLabelIsRejected() throws IOException {
    Path file = work.resolve("fraction.nii");
    byte[] bytes = header(16, new short[] {3, 2, 2, 2}, 352, 32);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(352 + 4 * 2, 1.5f);
    Files.write(file, bytes);

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file));
    assertEquals(file + ": expected integer labels 0..255 but found 1.5 at voxel (0, 1, 0) (datatype float32)",
        e.getMessage());
  }

  @Test
  void scalingIsApplied() throws IOException {
    Path file = work.resolve("scaled.nii");
    byte[] bytes = header(4, new short[] {3, 2, 1, 1}, 352, 4);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putFloat(112, 0.5f).putFloat(116, 10f);
    b.putShort(352, (short) 4).putShort(354, (short) -6);
    Files.write(file, bytes);

    float[] values = Nifti.readFloat(file).voxelArray();
    assertArrayEquals(new float[] {12f, 7f}, values);
  }

  /** Builds a little-endian NIfTI-1 header (pixdim 1, no qform or sform) followed by zeroed voxel bytes. */
  static byte[] header(int datatype, short[] dim, int voxOffset, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(voxOffset + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 348);
    for (int i = 0; i < dim.length; i++) {
      b.putShort(40 + 2 * i, dim[i]);
    }
    for (int i = dim.length; i < 8; i++) {
      b.putShort(40 + 2 * i, (short) 1);
    }
    b.putShort(70, (short) datatype);
    for (int i = 0; i < 8; i++) {
      b.putFloat(76 + 4 * i, 1f);
    }
    b.putFloat(108, voxOffset);
    b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    return b.array();
  }

  @Test
  void micrometreVoxelsAreRejected() throws IOException {
    Path file = work.resolve("tiny.nii");
    Grid tiny = new Grid(new Dimensions(4, 4, 4), Affine.scaling(1e-4, 1e-4, 1e-4, 0, 0, 0));
    Nifti.writeFloat32(file, FloatVolume.wrap(tiny, new float[64]));

    NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> Nifti.readFloat(file));

    assertTrue(e.getMessage().startsWith(file + ": voxel size along axis 0 is 0.0001 mm in the voxel-to-world affine"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; at least 0.001 mm is expected"), e.getMessage());
  }
}
