package io.github.bratsensemble.segmentor.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.segmentor.registry.DockerSettings;
import io.github.bratsensemble.segmentor.registry.InputConvention;
import io.github.bratsensemble.segmentor.registry.SubjectNaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputStagerTest {
  @TempDir
  Path dir;

  private CaseInputs inputs;

  @BeforeEach
  void writeCase() throws IOException {
    Path caseDir = Files.createDirectories(dir.resolve("case"));
    inputs = new CaseInputs("case",
        Files.write(caseDir.resolve("t1.nii.gz"), gzip("T1")),
        Files.write(caseDir.resolve("t1c.nii"), "T1C".getBytes()),
        Files.write(caseDir.resolve("t2.nii.gz"), gzip("T2")),
        Files.write(caseDir.resolve("flair.nii.gz"), gzip("FLAIR")),
        Grid.BRATS);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes());
    }
    return bytes.toByteArray();
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes());
    }
  }

  private static DockerSettings settings(InputConvention input, String mountpoint, boolean readOnly) {
    List<String> patterns = input.isToolkitFormat()
        ? DockerSettings.TOOLKIT_OUTPUT_PATTERNS : DockerSettings.SUBJECT_OUTPUT_PATTERNS;
    return new DockerSettings("image", List.of(), input, mountpoint, patterns, SubjectNaming.BRATS2023, 0, 0,
        false, readOnly, Duration.ofMinutes(1));
  }

  @Test
  void toolkitLayoutReadOnlyMounts() throws Exception {
    StagedCase staged = InputStager.stage(inputs, settings(InputConvention.GZ_B18, "/app/data/", true), dir.resolve("w"));
    Path data = dir.resolve("w/data");
    assertEquals(data.resolve("results"), staged.outputDir());
    assertEquals(List.of(
        new Mount(data.resolve("pat_t1.nii.gz"), "/app/data/pat_t1.nii.gz", true),
        new Mount(data.resolve("pat_t1ce.nii.gz"), "/app/data/pat_t1ce.nii.gz", true),
        new Mount(data.resolve("pat_t2.nii.gz"), "/app/data/pat_t2.nii.gz", true),
        new Mount(data.resolve("pat_flair.nii.gz"), "/app/data/pat_flair.nii.gz", true),
        new Mount(data.resolve("results"), "/app/data/results", false)), staged.mounts());
    assertEquals("T1C", gunzip(data.resolve("pat_t1ce.nii.gz")), "uncompressed input gzipped");
    assertTrue(Files.isSameFile(inputs.t1(), data.resolve("pat_t1.nii.gz")), "matching compression is hard-linked");
  }

  @Test
  void uncompressedConventionGunzips() throws Exception {
    InputStager.stage(inputs, settings(InputConvention.B17_T1, "/data", true), dir.resolve("w"));
    Path data = dir.resolve("w/data");
    assertEquals("T1", Files.readString(data.resolve("t1.nii")));
    assertEquals("T1C", Files.readString(data.resolve("t1ce.nii")));
    assertEquals("FLAIR", Files.readString(data.resolve("flair.nii")));
  }

  @Test
  void writableMountCopiesInputs() throws Exception {
    StagedCase staged = InputStager.stage(inputs, settings(InputConvention.GZ_B17, "/data", false), dir.resolve("w"));
    Path data = dir.resolve("w/data");
    assertEquals(List.of(new Mount(data, "/data", false)), staged.mounts());
    assertFalse(Files.isSameFile(inputs.t1(), data.resolve("t1.nii.gz")), "a writable mount never exposes the original");
    assertArrayEquals(Files.readAllBytes(inputs.t1()), Files.readAllBytes(data.resolve("t1.nii.gz")));
  }

  @Test
  void subjectFolderLayout() throws Exception {
    StagedCase staged = InputStager.stage(inputs, settings(InputConvention.BRATS2023, "/data", true), dir.resolve("w"));
    Path subject = dir.resolve("w/input/BraTS-GLI-00000-000");
    assertEquals(List.of(new Mount(dir.resolve("w/input"), "/input", true),
        new Mount(dir.resolve("w/output"), "/output", false)), staged.mounts());
    assertEquals("T1", gunzip(subject.resolve("BraTS-GLI-00000-000-t1n.nii.gz")));
    assertEquals("T1C", gunzip(subject.resolve("BraTS-GLI-00000-000-t1c.nii.gz")));
    assertEquals("T2", gunzip(subject.resolve("BraTS-GLI-00000-000-t2w.nii.gz")));
    assertEquals("FLAIR", gunzip(subject.resolve("BraTS-GLI-00000-000-t2f.nii.gz")));
  }

  @Test
  void mlcubeMounts() throws Exception {
    StagedCase staged = InputStager.stage(inputs, settings(InputConvention.MLCUBE, "/data", true), dir.resolve("w"));
    assertEquals("/mlcube_io0", staged.mounts().get(0).containerPath());
    assertEquals("/mlcube_io2", staged.mounts().get(1).containerPath());
  }

  @Test
  void discoveryReportsMissingAndDuplicates() throws Exception {
    Path caseDir = Files.createDirectories(dir.resolve("incomplete"));
    Files.writeString(caseDir.resolve("x-t1n.nii.gz"), "");
    IOException missing = assertThrows(IOException.class, () -> CaseDiscovery.discover(caseDir));
    assertEquals(caseDir + ": no t1c image found; expected a .nii or .nii.gz file whose name ends in"
        + " -t1c or _t1c, -t1ce or _t1ce, -t1gd or _t1gd", missing.getMessage());

    Files.writeString(caseDir.resolve("y_t1.nii"), "");
    IOException twice = assertThrows(IOException.class, () -> CaseDiscovery.discover(caseDir));
    assertEquals(caseDir + ": 2 t1 images found (x-t1n.nii.gz, y_t1.nii); exactly one is required", twice.getMessage());
  }

  @Test
  void modalityFromFileName() {
    assertEquals("T1", String.valueOf(CaseDiscovery.modalityOf("BraTS-GLI-00001-000-t1n.nii.gz")));
    assertEquals("T1C", String.valueOf(CaseDiscovery.modalityOf("BraTS2021_00000_t1ce.nii.gz")));
    assertEquals("FLAIR", String.valueOf(CaseDiscovery.modalityOf("fla.nii")));
    assertEquals("T2", String.valueOf(CaseDiscovery.modalityOf("case.T2W.nii.gz")));
    assertEquals("null", String.valueOf(CaseDiscovery.modalityOf("seg.nii.gz")));
    assertEquals("null", String.valueOf(CaseDiscovery.modalityOf("t1.json")));
  }

  @Test
  void convertedCopyIsWorldReadable() throws IOException {
    Path target = dir.resolve("t1c.nii.gz");
    InputStager.place(inputs.t1c(), target, true, false);

    assertEquals("T1C", gunzip(target));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(target)));
  }
}
