package io.github.bratsensemble.preprocessor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.nativespace.NativeSpace;
import io.github.bratsensemble.preprocessor.testing.Overlap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCGA-DU-7294 as BraTS Toolkit left it after HD-BET (native space, skull-stripped), preprocessed
 * with {@code --brain-extraction none} and compared with BraTS Toolkit's BraTS-space HD-BET mask.
 */
class SkullStrippedCaseTest {
  @TempDir
  static Path out;

  static Path caseFolder;
  static LabelVolume reference;

  @BeforeAll
  static void preprocess() throws IOException {
    Path data = TestData.require("brats-toolkit-example/TCGA-DU-7294");
    PreprocessOptions options = PreprocessOptions.builder()
        .brainExtraction(BrainExtractionMethod.NONE)
        .atlasImage(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"))
        .threads(2)
        .build();
    try (Preprocessor preprocessor = Preprocessor.open(options, null, new DicomSeries())) {
      preprocessor.process(CaseDiscovery.discover(data.resolve("hdbet_native"), "TCGA-DU-7294", Map.of()), out);
    }
    caseFolder = out.resolve("TCGA-DU-7294");
    // The reference stores y in the opposite voxel order; bring it onto the BraTS grid exactly.
    reference = Resampler.resampleLabels(Nifti.readLabels(data.resolve("masks/brats_space.nii.gz")), Grid.BRATS,
        AffineTransform.identity(), Interpolation.NEAREST, 0);
  }

  @Test
  void bratsMaskMatchesHdBet() throws IOException {
    LabelVolume mask = Nifti.readLabels(caseFolder.resolve("TCGA-DU-7294-brain_mask.nii.gz"));
    double dice = Overlap.dice(mask, reference);
    System.out.println("BraTS-space brain mask Dice vs HD-BET: " + dice);
    assertTrue(dice >= 0.95, "Dice " + dice);
  }

  @Test
  void toNativeAndBackKeepsMask() throws IOException {
    for (Sequence s : new Sequence[] {Sequence.T1C, Sequence.T1N}) {
      LabelVolume nativeMask = NativeSpace.toNative(caseFolder, reference, s, 2);
      LabelVolume expectedGrid = Nifti.readLabels(caseFolder.resolve("native/TCGA-DU-7294-" + s.suffix() + "_brain_mask.nii.gz"));
      assertTrue(nativeMask.grid().matches(expectedGrid.grid(), 1e-4));
      LabelVolume back = NativeSpace.toBrats(caseFolder, nativeMask, s, 2);
      double dice = Overlap.dice(back, reference);
      System.out.println("to-native and back through " + s + ": Dice " + dice);
      assertTrue(dice >= 0.97, s + ": Dice " + dice);
    }
  }

  @Test
  void nativeMasksMatchHdBet() throws IOException {
    Path masks = TestData.require("brats-toolkit-example/TCGA-DU-7294/masks");
    LabelVolume ours = Nifti.readLabels(caseFolder.resolve("native/TCGA-DU-7294-t1n_brain_mask.nii.gz"));
    LabelVolume hdBet = Nifti.readLabels(masks.resolve("native_t1.nii.gz"));
    double dice = Overlap.dice(ours, hdBet);
    assertTrue(dice >= 0.97, "native T1 mask Dice " + dice);
    assertEquals(ours.grid().dimensions(), hdBet.grid().dimensions());
  }
}
