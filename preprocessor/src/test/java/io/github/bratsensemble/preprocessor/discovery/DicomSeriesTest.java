package io.github.bratsensemble.preprocessor.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM series folders, converted with Debian's dcm2niix. */
class DicomSeriesTest {
  @TempDir
  Path dir;

  /** Skips the test when dcm2niix is not installed, except on CI (environment variable CI=true), where it fails. */
  private static void requireConverter() {
    boolean installed = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      installed |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "dcm2niix"));
    }
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("dcm2niix is not installed (Debian package dcm2niix)");
    }
    assumeTrue(installed, "dcm2niix is not installed (Debian package dcm2niix)");
  }

  private Path series(String name) throws IOException {
    Path data = TestData.require("dicom-transfer-syntaxes");
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.copy(data.resolve("In/1.dcm"), folder.resolve("IM0001.dcm"));
    return folder;
  }

  @Test
  void seriesFolderConvertedWithSidecar() throws IOException {
    requireConverter();
    Path data = TestData.require("dicom-transfer-syntaxes");
    Path folder = series("t1c");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path image = new DicomSeries().convert(folder, out, "case-t1c");
    assertEquals(out.resolve("case-t1c.nii.gz"), image);
    assertTrue(Files.isRegularFile(out.resolve("case-t1c.json")), "JSON sidecar missing");
    FloatVolume converted = Nifti.readFloat(image);
    FloatVolume reference = Nifti.readFloat(data.resolve("Ref/1.nii"));
    assertEquals(reference.grid().dimensions(), converted.grid().dimensions());
    assertTrue(converted.grid().matches(reference.grid(), 1e-3));
    assertArrayEquals(reference.voxelArray(), converted.voxelArray());
    try (var left = Files.list(out)) {
      assertEquals(2, left.count(), "temporary conversion folder left behind");
    }
  }

  @Test
  void dicomFolderRecognisedByName() throws IOException {
    Path caseFolder = Files.createDirectories(dir.resolve("case1"));
    Path t1c = series("case1/T1C");
    for (String name : new String[] {"t1.nii.gz", "t2.nii.gz", "flair.nii.gz"}) {
      Files.writeString(caseFolder.resolve(name), "x");
    }
    CaseInputs inputs = CaseDiscovery.discover(caseFolder, Map.of());
    assertEquals(t1c, inputs.source(Sequence.T1C).path());
    assertTrue(inputs.source(Sequence.T1C).dicom());
    assertTrue(CaseDiscovery.isCaseFolder(caseFolder));
  }

  @Test
  void missingConverterGivesInstallHint() throws IOException {
    Path folder = series("t2");
    DiscoveryException e = assertThrows(DiscoveryException.class,
        () -> new DicomSeries("dcm2niix-not-installed").convert(folder, dir, "case-t2w"));
    assertEquals("DICOM series " + folder + " needs dcm2niix, which was not found (dcm2niix-not-installed);"
        + " install it with 'apt-get install dcm2niix' or from https://github.com/rordenlab/dcm2niix,"
        + " or convert the series to NIfTI first", e.getMessage());
  }

  @Test
  void nonDicomFolderNotRecognised() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("t2"));
    Files.writeString(folder.resolve("readme.txt"), "not DICOM");
    assertFalse(DicomSeries.isDicomFolder(folder));
  }
}
