package io.github.bratsensemble.preprocessor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.discovery.DiscoveryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that cannot be preprocessed: each fails with its one-line message before any output is
 * written, and no folder named after the case is left behind.
 */
class BadInputsTest {
  @TempDir
  Path dir;

  private Path raw;
  private Path caseFolder;
  private Path out;

  @BeforeEach
  void linkRawCase() throws IOException {
    raw = TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
    caseFolder = Files.createDirectories(dir.resolve("case"));
    for (String name : new String[] {"t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "flair.nii.gz"}) {
      Files.createSymbolicLink(caseFolder.resolve(name), raw.resolve(name));
    }
    out = dir.resolve("out");
  }

  private IOException failure() {
    return assertThrows(IOException.class, () -> {
      PreprocessOptions options = PreprocessOptions.builder()
          .brainExtraction(BrainExtractionMethod.ATLAS)
          .atlasImage(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"))
          .threads(1)
          .build();
      try (Preprocessor preprocessor = Preprocessor.open(options, null, new DicomSeries())) {
        preprocessor.process(CaseDiscovery.discover(caseFolder, Map.of()), out);
      }
    });
  }

  private void assertNoCaseFolder() throws IOException {
    if (Files.exists(out)) {
      try (var entries = Files.list(out)) {
        assertEquals(0, entries.count(), "output folder is not empty");
      }
    }
  }

  private Path replace(String name) throws IOException {
    Path file = caseFolder.resolve(name);
    Files.delete(file);
    return file;
  }

  @Test
  void emptyFileRejected() throws IOException {
    Path t2 = replace("t2.nii.gz");
    Files.createFile(t2);
    assertEquals("t2w image " + t2 + " is empty (0 bytes); a NIfTI image is expected", failure().getMessage());
    assertNoCaseFolder();
  }

  @Test
  void fourDimensionalFileRejected() throws IOException {
    replace("flair.nii.gz");
    Path flair = caseFolder.resolve("flair.nii");
    writeFourDimensional(flair);
    assertEquals("t2f image " + flair + " has 2 volumes (shape 4x3x2x2); one 3-D volume per sequence is"
        + " expected, so extract the volume to use", failure().getMessage());
    assertNoCaseFolder();
  }

  @Test
  void distantPatientPositionRejected() throws IOException {
    Path t2 = replace("t2.nii.gz");
    FloatVolume image = Nifti.readFloat(raw.resolve("t2.nii.gz"));
    Affine shifted = Affine.translation(400, 0, 0).compose(image.grid().affine());
    Nifti.writeFloat(t2, image.withGrid(new Grid(image.grid().dimensions(), shifted)));
    assertEquals("t2w image " + t2 + " lies 407 mm from the t1c image (field-of-view centres (401.8, 17.3, 5.2)"
        + " and (-4.9, 20.7, 22.1) mm); at most 100 mm is expected for one session, so check the position in"
        + " its header (qform/sform)", failure().getMessage());
    assertNoCaseFolder();
  }

  @Test
  void missingSequenceRejected() throws IOException {
    replace("flair.nii.gz");
    IOException e = failure();
    assertEquals(DiscoveryException.class, e.getClass());
    assertEquals("case case in " + caseFolder + ": missing t2f; entries seen: t1.nii.gz -> t1n (BraTS Toolkit name),"
        + " t1c.nii.gz -> t1c (BraTS Toolkit name), t2.nii.gz -> t2w (BraTS Toolkit name); rename the files as"
        + " documented or pass --t1, --t1c, --t2 and --flair", e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void unwritableOutputFolderRejected() throws IOException {
    Path blocker = Files.writeString(dir.resolve("a-file"), "x");
    out = blocker.resolve("out");
    assertEquals("output folder " + out + " cannot be created: " + blocker + " is a file, not a folder",
        failure().getMessage());
  }

  /** Writes a 4x3x2 image with 2 volumes as an uncompressed NIfTI-1 file. */
  private static void writeFourDimensional(Path file) throws IOException {
    Path threeD = file.resolveSibling("three-d.nii");
    Grid grid = new Grid(new Dimensions(4, 3, 2), Affine.identity());
    float[] values = new float[24];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Nifti.writeFloat32(threeD, FloatVolume.wrap(grid, values));
    byte[] single = Files.readAllBytes(threeD);
    Files.delete(threeD);
    ByteBuffer header = ByteBuffer.wrap(single).order(ByteOrder.LITTLE_ENDIAN);
    int voxOffset = (int) header.getFloat(108);
    header.putShort(40, (short) 4);
    header.putShort(48, (short) 2);
    byte[] twoVolumes = new byte[single.length + (single.length - voxOffset)];
    System.arraycopy(single, 0, twoVolumes, 0, single.length);
    System.arraycopy(single, voxOffset, twoVolumes, single.length, single.length - voxOffset);
    Files.write(file, twoVolumes);
  }
}
