package io.github.bratsensemble.preprocessor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the pipeline calls a model-based brain extractor, and which method it picks by default. */
class BrainExtractionWiringTest {
  @TempDir
  Path dir;

  /** Records the image it is given and finds no brain in it. */
  private static final class NoBrainFound implements NativeBrainExtractor {
    Grid seen;
    boolean closed;

    @Override
    public String name() {
      return "test model";
    }

    @Override
    public LabelVolume extract(FloatVolume image) {
      seen = image.grid();
      return LabelVolume.zeros(image.grid());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void extractorSeesNativeCentreImage() throws IOException {
    Path raw = TestData.require("brats-toolkit-example/TCGA-FG-6692/raw");
    PreprocessOptions options = PreprocessOptions.builder()
        .brainExtraction(BrainExtractionMethod.MINDGRAB)
        .atlasImage(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"))
        .coRegistration(false)
        .threads(1)
        .build();
    NoBrainFound model = new NoBrainFound();
    Path out = dir.resolve("out");
    PreprocessingException e = assertThrows(PreprocessingException.class, () -> {
      try (Preprocessor preprocessor = Preprocessor.open(options, model, new DicomSeries())) {
        preprocessor.process(CaseDiscovery.discover(raw, Map.of()), out);
      }
    });
    assertEquals("brain extraction by test model found no brain in " + raw.resolve("t1c.nii.gz")
        + "; check the image, or choose another --brain-extraction", e.getMessage());
    Grid t1c = Nifti.read(raw.resolve("t1c.nii.gz")).grid();
    assertEquals("RAS", model.seen.orientationCode());
    assertEquals(t1c.voxelCount(), model.seen.voxelCount());
    assertTrue(model.closed, "the preprocessor closes its extractor");
    try (var left = Files.list(out)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void mindgrabNeedsExtractor() {
    PreprocessOptions options = PreprocessOptions.builder().brainExtraction(BrainExtractionMethod.MINDGRAB).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CasePreprocessor(options, null, null, new DicomSeries()));
    assertEquals("brain extraction mindgrab needs a brain extraction model", e.getMessage());
  }

  @Test
  void defaultIsAtlasWithoutModel() throws IOException {
    assertEquals(BrainExtractionMethod.ATLAS, Preprocessor.defaultBrainExtraction(null, dir));
    assertEquals(BrainExtractionMethod.MINDGRAB, Preprocessor.defaultBrainExtraction(dir.resolve("model"), dir));
    assertFalse(Files.exists(dir.resolve("models")), "choosing the default downloads nothing");
  }
}
