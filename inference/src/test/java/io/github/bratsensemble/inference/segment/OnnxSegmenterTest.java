package io.github.bratsensemble.inference.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.TestModels;
import io.github.bratsensemble.inference.window.WindowSettings;
import org.junit.jupiter.api.Test;

class OnnxSegmenterTest {
  private static final Grid GRID = new Grid(new Dimensions(4, 1, 1), Affine.identity());

  @Test
  void softmaxFollowsChannelLabelMap() {
    // Voxel v has its largest value in channel v % 3 (voxel 3 ties channels 0 and 1: lower wins).
    FloatVolume c0 = FloatVolume.wrap(GRID, new float[] {5, 0, 0, 2});
    FloatVolume c1 = FloatVolume.wrap(GRID, new float[] {0, 5, 0, 2});
    FloatVolume c2 = FloatVolume.wrap(GRID, new float[] {0, 0, 5, 0});
    SegmenterConfig config = new SegmenterConfig(new Normalization.None(), WindowSettings.wholeVolume(),
        new OutputDecoding.Softmax(new int[] {0, 4, 2}));

    try (OnnxSegmenter segmenter = new OnnxSegmenter(load(TestModels.identity(3)), config)) {
      LabelVolume labels = segmenter.segment(c0, c1, c2);

      assertArrayEquals(new byte[] {0, 4, 2, 0}, labels.labelArray());
    }
  }

  @Test
  void sigmoidRegionsAreNested() {
    // Logits for WT, TC, ET per voxel: none, WT only, WT+TC, all three, ET alone.
    Grid grid = new Grid(new Dimensions(5, 1, 1), Affine.identity());
    FloatVolume wt = FloatVolume.wrap(grid, new float[] {-5, 5, 5, 5, -5});
    FloatVolume tc = FloatVolume.wrap(grid, new float[] {-5, -5, 5, 5, -5});
    FloatVolume et = FloatVolume.wrap(grid, new float[] {-5, -5, -5, 5, 5});
    SegmenterConfig config = new SegmenterConfig(new Normalization.None(), WindowSettings.wholeVolume(),
        OutputDecoding.SigmoidRegions.brats2023());

    try (OnnxSegmenter segmenter = new OnnxSegmenter(load(TestModels.identity(3)), config)) {
      LabelVolume labels = segmenter.segment(wt, tc, et);

      assertArrayEquals(new byte[] {0, 2, 1, 3, 3}, labels.labelArray());
    }
  }

  @Test
  void channelCountMismatchIsClear() {
    SegmenterConfig config = new SegmenterConfig(new Normalization.None(), WindowSettings.wholeVolume(),
        new OutputDecoding.Softmax(new int[] {0, 1}));
    FloatVolume image = FloatVolume.zeros(GRID);

    try (OnnxSegmenter segmenter = new OnnxSegmenter(load(TestModels.identity(2)), config)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> segmenter.segment(image, image, image));

      assertEquals("model identity.onnx input 'image' has 2 channels [-1, 2, -1, -1, -1] but 3 input volumes were"
          + " configured", e.getMessage());
    }
  }

  @Test
  void gridMismatchIsClear() {
    SegmenterConfig config = new SegmenterConfig(new Normalization.None(), WindowSettings.wholeVolume(),
        new OutputDecoding.Softmax(new int[] {0, 1}));
    Grid other = new Grid(new Dimensions(4, 1, 1), Affine.translation(0, 0, 2));

    try (OnnxSegmenter segmenter = new OnnxSegmenter(load(TestModels.identity(2)), config)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> segmenter.segment(FloatVolume.zeros(GRID), FloatVolume.zeros(other)));

      assertEquals("input volume 2 is not on the grid of volume 1: affine [1 0 0 0; 0 1 0 0; 0 0 1 0] vs"
          + " [1 0 0 0; 0 1 0 0; 0 0 1 2] (max difference 2.0 mm, tolerance 0.001 mm)", e.getMessage());
    }
  }

  @Test
  void zscoreIgnoresBackground() {
    float[] out = new Normalization.ZScoreBrain().apply(new float[] {0, 1, 3, 0});

    assertArrayEquals(new float[] {0, -1, 1, 0}, out, 1e-6f);
  }

  @Test
  void percentileClipsAndScales() {
    float[] values = new float[101];
    for (int i = 0; i <= 100; i++) {
      values[i] = i;
    }

    float[] out = new Normalization.Percentile(10, 90).apply(values);

    assertEquals(0f, out[5]);
    assertEquals(0.5f, out[50], 1e-6);
    assertEquals(1f, out[95]);
  }

  @Test
  void unknownNormalizationListsKnown() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Normalization.parse("robust", 0, 100));

    assertEquals("unknown normalization 'robust'; expected zscore-brain, percentile, minmax or none", e.getMessage());
  }

  private static OnnxModel load(byte[] model) {
    return OnnxModel.load(model, "identity.onnx", ExecutionOptions.cpu(1));
  }
}
