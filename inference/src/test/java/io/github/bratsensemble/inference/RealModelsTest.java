package io.github.bratsensemble.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.brain.BrainExtractor;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.tfjs.TfjsImporter;
import io.github.bratsensemble.inference.tissue.TissueSegmenter;
import io.github.bratsensemble.inference.tissue.TissueVolumes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real MeshNet and MindGrab models on real images, each model run once per input. One
 * MindGrab session serves every MindGrab run; on two CPU cores the class takes about four minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealModelsTest {
  private static final String NATIVE = "brats-toolkit-example/TCGA-DU-7294/";
  /** MeshNet's grey and white matter on the uncorrected glioma T1, measured once. */
  private static final double GM_ML = 956.7;
  private static final double WM_ML = 288.6;

  @TempDir
  static Path cache;

  private BrainExtractor mindGrab;

  @BeforeAll
  void openMindGrab() throws IOException {
    Path onnx = TfjsImporter.convertCached(TestData.require("models/mindgrab-tfjs"), cache, true);
    mindGrab = new BrainExtractor(OnnxModel.load(onnx, ExecutionOptions.cpu()));
  }

  @AfterAll
  void closeMindGrab() {
    if (mindGrab != null) {
      mindGrab.close();
    }
  }

  @Test
  void meshNetSegmentsAtlasTissue() throws IOException {
    FloatVolume atlas = Nifti.readFloat(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));

    Tissue tissue = meshNet(atlas);

    assertTrue(tissue.volumes().greyMl() >= 300, "grey matter " + tissue.volumes().greyMl() + " mL");
    assertTrue(tissue.volumes().greyMl() <= 900, "grey matter " + tissue.volumes().greyMl() + " mL");
    assertTrue(tissue.volumes().whiteMl() >= 300, "white matter " + tissue.volumes().whiteMl() + " mL");
    assertTrue(tissue.volumes().whiteMl() <= 900, "white matter " + tissue.volumes().whiteMl() + " mL");
    assertTrue(tissue.whiteInsideBrain() >= 0.99, "white matter inside the brain: " + tissue.whiteInsideBrain());
    // On T1 white matter is brighter than grey matter; swapped output channels would fail here.
    assertTrue(tissue.meanWhite() > 1.2 * tissue.meanGrey(),
        "mean T1 of white matter " + tissue.meanWhite() + ", of grey matter " + tissue.meanGrey());
  }

  @Test
  void meshNetOnUncorrectedGliomaT1() throws IOException {
    FloatVolume t1 = Nifti.readFloat(TestData.require("brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1n.nii.gz"));

    Tissue tissue = meshNet(t1);

    // NOTE: without bias-field correction MeshNet labels the darker white matter of this glioma T1
    // (around the tumour and where the field is low) as grey: GM_ML and WM_ML below, outside
    // 300..900 mL. The `tissue` command corrects the bias field first (CLI test). These bounds pin
    // the uncorrected result within 5 %.
    assertTrue(Math.abs(tissue.volumes().greyMl() / GM_ML - 1) <= 0.05, "grey matter " + tissue.volumes().greyMl() + " mL");
    assertTrue(Math.abs(tissue.volumes().whiteMl() / WM_ML - 1) <= 0.05, "white matter " + tissue.volumes().whiteMl() + " mL");
    assertTrue(tissue.whiteInsideBrain() >= 0.99, "white matter inside the brain: " + tissue.whiteInsideBrain());
    assertTrue(tissue.meanWhite() > 1.1 * tissue.meanGrey(),
        "mean T1 of white matter " + tissue.meanWhite() + ", of grey matter " + tissue.meanGrey());
  }

  /**
   * Tissue volumes, the fraction of white matter voxels inside the image's non-zero voxels and the
   * mean image intensity under each tissue.
   */
  private record Tissue(TissueVolumes volumes, double whiteInsideBrain, double meanWhite, double meanGrey) {}

  private static Tissue meshNet(FloatVolume image) throws IOException {
    LabelVolume tissue;
    try (TissueSegmenter segmenter = new TissueSegmenter(
        OnnxModel.load(TestData.require("models/meshnet-gwm-onnx/model.onnx"), ExecutionOptions.cpu()))) {
      tissue = segmenter.segment(image);
    }
    assertTrue(tissue.grid().matches(image.grid(), Grid.DEFAULT_TOLERANCE_MM));
    long white = 0;
    long whiteInside = 0;
    long grey = 0;
    double sumWhite = 0;
    double sumGrey = 0;
    for (int i = 0; i < tissue.voxelCount(); i++) {
      if (tissue.label(i) == TissueSegmenter.WHITE_MATTER) {
        white++;
        whiteInside += image.value(i) > 0 ? 1 : 0;
        sumWhite += image.value(i);
      } else if (tissue.label(i) == TissueSegmenter.GREY_MATTER) {
        grey++;
        sumGrey += image.value(i);
      }
    }
    return new Tissue(TissueVolumes.of(tissue), (double) whiteInside / white, sumWhite / white, sumGrey / grey);
  }

  @Test
  void mindGrabMatchesAtlasBrain() throws IOException {
    FloatVolume atlas = Nifti.readFloat(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    byte[] reference = new byte[atlas.voxelCount()];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = (byte) (atlas.value(i) > 0 ? 1 : 0);
    }

    LabelVolume mask = mindGrab.extract(atlas);

    assertTrue(mask.grid().matches(atlas.grid(), Grid.DEFAULT_TOLERANCE_MM));
    double dice = dice(mask.labelArray(), reference);
    assertTrue(dice >= 0.93, "Dice " + dice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"t1", "t1c", "t2", "fla"})
  void mindGrabMatchesHdBetMasks(String modality) throws IOException {
    FloatVolume image = Nifti.readFloat(TestData.require(NATIVE + "hdbet_native/" + modality + ".nii.gz"));
    LabelVolume reference = Nifti.readLabels(TestData.require(NATIVE + "masks/native_" + modality + ".nii.gz"));

    LabelVolume mask = mindGrab.extract(image);

    assertArrayEquals(new int[] {0, 1}, mask.distinctLabels());
    double dice = dice(mask.labelArray(), reference.labelArray());
    assertTrue(dice >= 0.93, modality + " Dice " + dice);
    assertEquals(image.voxelCount(), mask.voxelCount());
  }

  static double dice(byte[] a, byte[] b) {
    long both = 0;
    long countA = 0;
    long countB = 0;
    for (int i = 0; i < a.length; i++) {
      boolean inA = a[i] != 0;
      boolean inB = b[i] != 0;
      countA += inA ? 1 : 0;
      countB += inB ? 1 : 0;
      both += inA && inB ? 1 : 0;
    }
    return 2.0 * both / (countA + countB);
  }
}
