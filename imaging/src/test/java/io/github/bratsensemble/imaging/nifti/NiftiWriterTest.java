package io.github.bratsensemble.imaging.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.geometry.Orientation;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiWriterTest {
  private static final Grid OBLIQUE = new Grid(new Dimensions(4, 3, 2),
      Affine.ofRows(-0.98, 0.17, 0, 90, -0.17, -0.98, 0.1, 120, 0, 0.05, 2.5, -70));

  @TempDir
  Path work;

  @Test
  void labelsRoundTripAsUint8() throws IOException {
    byte[] labels = {0, 1, 2, 4, 0, 0, 1, 1, 2, 2, 4, 4, 0, 1, 2, 4, 0, 0, 1, 1, 2, 2, 4, (byte) 200};
    Path file = work.resolve("seg.nii.gz");
    Nifti.writeLabels(file, LabelVolume.copyOf(OBLIQUE, labels));

    NiftiImage back = Nifti.read(file);
    assertEquals(NiftiDataType.UINT8, back.dataType());
    assertArrayEquals(labels, (byte[]) back.data().array());
    assertTrue(back.grid().matches(OBLIQUE, 1e-5), back.grid().affine().toString());
  }

  @Test
  void headerHasBothFormsAndMillimetres() throws IOException {
    // A rotation of 10 degrees about z, then 3 degrees about x, with 0.9 x 0.9 x 5.5 mm voxels.
    double a = Math.toRadians(10);
    double b = Math.toRadians(3);
    double[][] rotation = {
        {Math.cos(a), -Math.sin(a), 0},
        {Math.cos(b) * Math.sin(a), Math.cos(b) * Math.cos(a), -Math.sin(b)},
        {Math.sin(b) * Math.sin(a), Math.sin(b) * Math.cos(a), Math.cos(b)}};
    double[] spacing = {0.9, 0.9, 5.5};
    double[][] linear = new double[3][3];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        linear[row][col] = rotation[row][col] * spacing[col] * (col == 0 ? -1 : 1);
      }
    }
    Grid grid = new Grid(new Dimensions(4, 3, 2), Affine.of(linear, new double[] {90, -120, 33}));
    Path file = work.resolve("seg.nii");
    Nifti.writeLabels(file, LabelVolume.zeros(grid));

    NiftiHeader header = Nifti.read(file).header();
    assertEquals(1, header.qformCode());
    assertEquals(1, header.sformCode());
    assertEquals(2, header.xyztUnits());
    assertEquals(352, header.voxOffset());
    // Near a half turn the quaternion's implied a = sqrt(1 - b^2 - c^2 - d^2) amplifies the float32
    // rounding of b, c and d to about 1e-4, a limit of the qform fields themselves; the sform is exact.
    assertTrue(header.qform().maxAbsDifference(grid.affine()) < 1e-3, header.qform() + " vs " + grid.affine());
    assertTrue(header.sform().maxAbsDifference(grid.affine()) < 1e-5, header.sform() + " vs " + grid.affine());
    assertArrayEquals(new double[] {0.9, 0.9, 5.5}, java.util.Arrays.copyOfRange(header.pixdim(), 1, 4), 1e-6);
    assertEquals(-1.0, header.pixdim()[0]);
  }

  @Test
  void shearedAffineKeepsExactSform() throws IOException {
    Path file = work.resolve("sheared.nii");
    Nifti.writeLabels(file, LabelVolume.zeros(OBLIQUE));

    NiftiImage back = Nifti.read(file);
    assertTrue(back.header().sform().maxAbsDifference(OBLIQUE.affine()) < 1e-5);
    assertEquals(back.header().sform(), back.grid().affine());
    assertEquals("LPS", Orientation.code(back.header().qform()));
  }

  @Test
  void qformKeepsReflectionInQfac() throws IOException {
    Grid brats = Grid.BRATS;
    Path file = work.resolve("brats.nii");
    Nifti.writeLabels(file, LabelVolume.zeros(brats));

    NiftiHeader header = Nifti.read(file).header();
    assertEquals(brats.affine(), header.sform());
    assertTrue(header.qform().maxAbsDifference(brats.affine()) < 1e-6, header.qform().toString());
  }

  @Test
  void smallestLosslessTypeIsChosen() throws IOException {
    assertStoredAs(NiftiDataType.UINT8, 0, 255);
    assertStoredAs(NiftiDataType.INT8, -3, 100);
    assertStoredAs(NiftiDataType.INT16, -3, 1000);
    assertStoredAs(NiftiDataType.UINT16, 0, 60000);
    assertStoredAs(NiftiDataType.INT32, -1, 70000);
    assertStoredAs(NiftiDataType.FLOAT32, 0.5f, 1);
  }

  private void assertStoredAs(NiftiDataType expected, float low, float high) throws IOException {
    float[] values = new float[OBLIQUE.voxelCount()];
    values[0] = low;
    values[1] = high;
    Path file = work.resolve("values-" + expected + ".nii");
    Nifti.writeFloat(file, FloatVolume.wrap(OBLIQUE, values));

    NiftiImage back = Nifti.read(file);
    assertEquals(expected, back.dataType());
    assertEquals(low, back.scaledValue(0));
    assertEquals(high, back.scaledValue(1));
  }

  @Test
  void doublesNeedingPrecisionStayFloat64() throws IOException {
    Grid grid = new Grid(new Dimensions(2, 1, 1), Affine.identity());
    NiftiImage image = NiftiImage.inMemory(VoxelArray.ofDoubles(new double[] {0.1, 1e300}), grid);
    Path file = work.resolve("doubles.nii");
    NiftiWriter.write(file, image, WriteOptions.defaults());

    NiftiImage back = Nifti.read(file);
    assertEquals(NiftiDataType.FLOAT64, back.dataType());
    assertEquals(0.1, back.scaledValue(0));
  }

  @Test
  void gzipOnlyForGzName() throws IOException {
    Path plain = work.resolve("a.nii");
    Path gz = work.resolve("a.nii.gz");
    Nifti.writeLabels(plain, LabelVolume.zeros(OBLIQUE));
    Nifti.writeLabels(gz, LabelVolume.zeros(OBLIQUE));

    assertEquals(352 + 24, Files.size(plain));
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      byte[] bytes = in.readAllBytes();
      assertEquals(348, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }
  }

  @Test
  void failedWriteKeepsExistingFile() throws IOException {
    Path file = work.resolve("keep.nii");
    Files.writeString(file, "previous content");
    Grid grid = new Grid(new Dimensions(1, 1, 1), Affine.identity());
    NiftiImage tooBig = NiftiImage.inMemory(VoxelArray.ofFloats(new float[] {1e10f}), grid);

    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> NiftiWriter.write(file, tooBig, WriteOptions.defaults().withDataType(NiftiDataType.INT16)));
    assertEquals(file + ": value 1.0E10 at voxel 0 does not fit datatype int16", e.getMessage());
    assertEquals("previous content", Files.readString(file));
    try (var listing = Files.list(work)) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  @Test
  void missingFolderIsReported() {
    Path file = work.resolve("absent/seg.nii.gz");
    IOException e = assertThrows(IOException.class, () -> Nifti.writeLabels(file, LabelVolume.zeros(OBLIQUE)));
    assertEquals(file + ": output folder " + file.getParent() + " does not exist", e.getMessage());
  }

  @Test
  void outputIsWorldReadable() throws IOException {
    Path file = work.resolve("shared.nii.gz");
    Nifti.writeLabels(file, LabelVolume.zeros(OBLIQUE));

    assertEquals("rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
