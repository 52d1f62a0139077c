package io.github.bratsensemble.preprocessor.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileTest {
  @TempDir
  Path dir;

  private static Manifest sample(String status) {
    Manifest.Input input = new Manifest.Input("raw/t1c.nii.gz", "ab".repeat(32), "BraTS Toolkit name",
        new int[] {256, 224, 26}, new double[] {0.9, 0.9, 5.5}, "LAS");
    Manifest.RegistrationRecord registration = new Manifest.RegistrationRecord("t1c", "t2w", "rigid",
        "mattes mutual information", -0.65, List.of(new Manifest.Level(8, 2000, -0.5, -0.6, 40, "converged")), 40, 0.8,
        "transforms/c-t2w_to_t1c.mat");
    return new Manifest(Manifest.FORMAT, status, "c", "0.1.0", "2026-01-01T00:00:00Z", "t1c", "atlas",
        Map.of("t1c", input), input, Map.of("center", "t1c"), List.of(new Manifest.Step("load", 0.25)),
        Map.of("t2w_to_t1c", registration), Map.of("t2w", new Manifest.NmiCheck(1.01, 1.06)),
        Map.of("t1c", "c-t1c.nii.gz"));
  }

  @Test
  void manifestRoundTrips() throws IOException {
    ManifestFile.write(dir, sample(Manifest.COMPLETE));
    Manifest read = ManifestFile.read(dir);
    assertTrue(read.isComplete());
    assertEquals("c", read.caseId());
    assertArrayEquals(new int[] {256, 224, 26}, read.inputs().get("t1c").dimensions());
    assertEquals(-0.6, read.registrations().get("t2w_to_t1c").levels().get(0).finalMetric());
    assertEquals(1.06, read.coRegistrationNmi().get("t2w").registered());
    assertEquals(0.25, read.steps().get(0).seconds());
    assertTrue(ManifestFile.isComplete(dir));
  }

  @Test
  void unfinishedStatusNotComplete() throws IOException {
    ManifestFile.write(dir, sample("running"));
    assertFalse(ManifestFile.isComplete(dir));
  }

  @Test
  void corruptManifestNotComplete() throws IOException {
    Files.writeString(dir.resolve(ManifestFile.NAME), "{\"format\": ");
    assertFalse(ManifestFile.isComplete(dir));
    IOException e = assertThrows(IOException.class, () -> ManifestFile.read(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve(ManifestFile.NAME) + ": invalid manifest ("), e.getMessage());
  }

  @Test
  void missingManifestExplained() {
    IOException e = assertThrows(IOException.class, () -> ManifestFile.read(dir));
    assertEquals(dir + " has no manifest.json; it is not a preprocessed case folder or its preprocessing did not"
        + " finish", e.getMessage());
  }
}
