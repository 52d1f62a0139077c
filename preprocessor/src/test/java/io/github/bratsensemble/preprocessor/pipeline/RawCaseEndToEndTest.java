package io.github.bratsensemble.preprocessor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.manifest.Manifest;
import io.github.bratsensemble.preprocessor.manifest.ManifestFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw clinical case TCGA-FG-6692 (oblique, 5.5 mm slices) through the whole pipeline with atlas
 * extraction and defacing.
 */
class RawCaseEndToEndTest {
  @TempDir
  static Path out;

  static CaseResult result;
  static Path caseFolder;

  @BeforeAll
  static void preprocess() throws IOException {
    Path raw = TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
    Path atlas = TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz");
    PreprocessOptions options = PreprocessOptions.builder()
        .brainExtraction(BrainExtractionMethod.ATLAS)
        .atlasImage(atlas)
        .deface(true)
        .threads(2)
        .build();
    CaseInputs inputs = CaseDiscovery.discover(raw, "TCGA-FG-6692", Map.of());
    try (Preprocessor preprocessor = Preprocessor.open(options, null, new DicomSeries())) {
      result = preprocessor.process(inputs, out);
    }
    caseFolder = out.resolve("TCGA-FG-6692");
  }

  @Test
  void coRegistrationRaisesMutualInformation() {
    Map<String, Manifest.NmiCheck> nmi = result.manifest().coRegistrationNmi();
    assertEquals(3, nmi.size());
    for (Map.Entry<String, Manifest.NmiCheck> e : nmi.entrySet()) {
      assertTrue(e.getValue().registered() > e.getValue().unregistered(),
          e.getKey() + ": NMI after registration " + e.getValue().registered() + " is not above "
              + e.getValue().unregistered() + " with header alignment only");
    }
  }

  @Test
  void bratsOutputsHaveExactHeader() throws IOException {
    for (Sequence s : Sequence.values()) {
      NiftiImage image = Nifti.read(caseFolder.resolve("TCGA-FG-6692-" + s.suffix() + ".nii.gz"));
      assertTrue(image.grid().matches(Grid.BRATS, 0), s + ": " + image.grid().describeDifference(Grid.BRATS, 0));
      assertEquals(1, image.qformCode());
      assertEquals(1, image.sformCode());
    }
    LabelVolume mask = Nifti.readLabels(caseFolder.resolve("TCGA-FG-6692-brain_mask.nii.gz"));
    assertTrue(mask.grid().matches(Grid.BRATS, 0));
    long brain = mask.histogram()[1];
    double volumeMl = brain * Grid.BRATS.voxelVolumeMl();
    assertTrue(volumeMl > 1000, "brain volume " + volumeMl + " mL");
    assertTrue(volumeMl < 1800, "brain volume " + volumeMl + " mL");
  }

  @Test
  void nativeOutputsKeepInputGrids() throws IOException {
    Path raw = TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
    String[] inputNames = {"t1", "t1c", "t2", "flair"};
    for (int i = 0; i < 4; i++) {
      Sequence s = Sequence.values()[i];
      Grid input = Nifti.read(raw.resolve(inputNames[i] + ".nii.gz")).grid();
      LabelVolume mask = Nifti.readLabels(caseFolder.resolve("native/TCGA-FG-6692-" + s.suffix() + "_brain_mask.nii.gz"));
      Grid brain = Nifti.read(caseFolder.resolve("native/TCGA-FG-6692-" + s.suffix() + "_brain.nii.gz")).grid();
      assertTrue(mask.grid().matches(input, 1e-4), s + ": " + mask.grid().describeDifference(input, 1e-4));
      assertTrue(brain.matches(input, 1e-4));
      assertTrue(mask.histogram()[1] > 0, s + " native mask is empty");
    }
  }

  @Test
  void defacingKeepsBrainRemovesFace() throws IOException {
    Path raw = TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
    FloatVolume original = Nifti.readFloat(raw.resolve("t1c.nii.gz"));
    FloatVolume defaced = Nifti.readFloat(caseFolder.resolve("native/TCGA-FG-6692-t1c_defaced.nii.gz"));
    LabelVolume brain = Nifti.readLabels(caseFolder.resolve("native/TCGA-FG-6692-t1c_brain_mask.nii.gz"));
    assertTrue(defaced.grid().matches(original.grid(), 1e-4));
    long removed = 0;
    for (int i = 0; i < original.voxelCount(); i++) {
      if (brain.label(i) != 0) {
        assertEquals(original.value(i), defaced.value(i), "brain voxel " + i + " changed");
      } else if (defaced.value(i) != original.value(i)) {
        assertEquals(0f, defaced.value(i));
        if (original.value(i) > 0) {
          removed++;
        }
      }
    }
    assertTrue(removed > 10_000, "only " + removed + " face voxels removed");
  }

  @Test
  void transformsAndQcAreWritten() throws IOException {
    for (Sequence s : Sequence.values()) {
      assertTrue(Files.isRegularFile(caseFolder.resolve("transforms/TCGA-FG-6692-" + s.suffix() + "_to_atlas.mat")));
      if (s != Sequence.T1C) {
        Path file = caseFolder.resolve("transforms/TCGA-FG-6692-" + s.suffix() + "_to_t1c.mat");
        assertTrue(AntsTransformFile.read(file).isRigid(1e-6), file + " is not rigid");
      }
    }
    BufferedImage montage = ImageIO.read(caseFolder.resolve("qc/TCGA-FG-6692-montage.png").toFile());
    assertEquals(240 * 3, montage.getWidth());
    assertEquals(240 * 4, montage.getHeight());
    BufferedImage checkerboard = ImageIO.read(caseFolder.resolve("qc/TCGA-FG-6692-checkerboard.png").toFile());
    assertEquals(240, checkerboard.getHeight());
  }

  @Test
  void manifestIsCompleteAndLast() throws IOException {
    Manifest manifest = ManifestFile.read(caseFolder);
    assertTrue(manifest.isComplete());
    assertEquals("t1c", manifest.center());
    assertEquals("atlas", manifest.brainExtraction());
    assertEquals(4, manifest.inputs().size());
    assertEquals(64, manifest.inputs().get("t1c").sha256().length());
    assertTrue(manifest.registrations().containsKey("t1c_to_atlas"));
    assertEquals(4, manifest.registrations().size());
    long newest = 0;
    try (var files = Files.walk(caseFolder)) {
      for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.endsWith("manifest.json")).toList()) {
        newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
      }
    }
    assertTrue(Files.getLastModifiedTime(caseFolder.resolve("manifest.json")).toMillis() >= newest);
    assertEquals("load", manifest.steps().get(0).name());
  }

  @Test
  void completeCaseIsSkipped() throws IOException {
    PreprocessOptions options = PreprocessOptions.builder()
        .brainExtraction(BrainExtractionMethod.ATLAS)
        .atlasImage(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"))
        .build();
    CaseInputs inputs = CaseDiscovery.discover(
        TestData.require("brats-toolkit-example/TCGA-FG-6692/raw"), "TCGA-FG-6692", Map.of());
    try (Preprocessor preprocessor = Preprocessor.open(options, null, new DicomSeries())) {
      CaseResult again = preprocessor.process(inputs, out);
      assertTrue(again.skipped());
      assertEquals(result.manifest().createdAt(), again.manifest().createdAt());
    }
    try (var entries = Files.list(out)) {
      assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".")), "staging folder left behind");
    }
  }
}
