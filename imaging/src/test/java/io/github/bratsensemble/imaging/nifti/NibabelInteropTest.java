package io.github.bratsensemble.imaging.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.testing.Nibabel;
import io.github.bratsensemble.imaging.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the codec against nibabel in both directions: what we read, what we write. */
class NibabelInteropTest {
  @TempDir
  static Path work;

  @BeforeAll
  static void requireNibabel() {
    Nibabel.requireAvailable();
  }

  static Stream<String> realFiles() {
    return Stream.of(
        "nifti-edge-cases/big.nii.gz",
        "nifti-edge-cases/little.nii.gz",
        "nifti-edge-cases/air.hdr.gz",
        "nifti-edge-cases/air2.hdr.gz",
        "nifti-edge-cases/avg152T1_LR_nifti.nii.gz",
        "nifti-edge-cases/avg152T1_LR_nifti2.nii.gz",
        "nifti-edge-cases/with_extension.nii.gz",
        "nifti-edge-cases/5D_small.nii",
        "brats-toolkit-example/TCGA-DU-7294/segmentations/lfb_rwth.nii.gz",
        "brats-toolkit-example/TCGA-DU-7294/segmentations/scan.nii.gz",
        "brats-toolkit-example/TCGA-DU-7294/hdbet_native/t1.nii.gz",
        "brats-toolkit-example/TCGA-FG-6692/raw/t2.nii.gz",
        "brats-toolkit-example/TCGA-DU-7294/masks/brats_space.nii.gz",
        "atlas/sri24_t1_1mm_skull_stripped.nii.gz",
        "brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1c.nii.gz");
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void readMatchesNibabel(String relative) throws IOException {
    Path file = TestData.require(relative);
    NiftiImage ours = Nifti.read(file);
    Nibabel.View theirs = Nibabel.load(file, work);

    assertVoxelsEqual(theirs.voxels(), ours, relative);
    assertAffineClose(theirs.affine(), ours.grid().affine(), 1e-5, relative);
    assertEquals(theirs.extensionCount(), ours.extensions().size(), "extensions of " + relative);
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void convertedFileMatchesNibabelView(String relative) throws IOException {
    Path file = TestData.require(relative);
    NiftiImage ours = Nifti.read(file);
    Path out = work.resolve("converted-" + Path.of(relative).getFileName().toString().replace(".hdr", "") + ".nii.gz");
    NiftiWriter.write(out, ours, WriteOptions.defaults());

    Nibabel.View original = Nibabel.load(file, work);
    Nibabel.View written = Nibabel.load(out, work);
    assertArrayEquals(original.voxels(), written.voxels(), "voxels of " + relative + " after conversion");
    assertAffineClose(original.affine(), affineOf(written.affine()), 1e-5, relative + " after conversion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"uint8", "int16", "float32", "float64", "uint16", "int32"})
  void readsFilesWrittenByNibabel(String dtype) throws IOException {
    Path file = work.resolve("ramp-" + dtype + ".nii.gz");
    Nibabel.writeRamp(file, dtype, work);

    NiftiImage ours = Nifti.read(file);
    Nibabel.View theirs = Nibabel.load(file, work);
    assertEquals(dtype, ours.dataType().toString());
    assertVoxelsEqual(theirs.voxels(), ours, file.toString());
    assertAffineClose(theirs.affine(), ours.grid().affine(), 1e-6, file.toString());
    assertEquals(2, ours.sformCode());
  }

  private static void assertVoxelsEqual(double[] expected, NiftiImage actual, String what) {
    assertEquals(expected.length, actual.data().length(), "voxel count of " + what);
    for (int i = 0; i < expected.length; i++) {
      double value = actual.scaledValue(i);
      if (Double.compare(expected[i], value) != 0 && !(Double.isNaN(expected[i]) && Double.isNaN(value))) {
        assertEquals(expected[i], value, "voxel " + i + " of " + what);
      }
    }
  }

  private static Affine affineOf(double[][] m) {
    return Affine.of(new double[][] {
        {m[0][0], m[0][1], m[0][2]}, {m[1][0], m[1][1], m[1][2]}, {m[2][0], m[2][1], m[2][2]}},
        new double[] {m[0][3], m[1][3], m[2][3]});
  }

  private static void assertAffineClose(double[][] expected, Affine actual, double tolerance, String what) {
    double difference = affineOf(expected).maxAbsDifference(actual);
    if (difference > tolerance) {
      assertEquals(affineOf(expected).toString(), actual.toString(), "affine of " + what + " differs by " + difference);
    }
  }
}
