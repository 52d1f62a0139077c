package io.github.bratsensemble.inference.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.TestModels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowPredictorTest {

  private static final Dimensions DIMS = new Dimensions(37, 29, 21);

  @Test
  void stitchingEqualsWholeVolume() {
    float[][] channels = randomChannels(2, DIMS, 11);
    float[][] weights = {{1, -2}, {0.5f, 3}, {-1, 1}};
    try (OnnxModel model = OnnxModel.load(TestModels.pointwise(weights, new float[] {0.1f, -0.2f, 0.3f}), "pointwise",
        ExecutionOptions.cpu(1))) {
      float[][] whole = SlidingWindowPredictor.predict(model, channels, DIMS, WindowSettings.wholeVolume(), 3,
          PatchActivation.SOFTMAX);
      WindowSettings tiled = new WindowSettings(new int[] {16, 12, 10}, 0.5, Blending.GAUSSIAN, 3, null);
      float[][] stitched = SlidingWindowPredictor.predict(model, channels, DIMS, tiled, 3, PatchActivation.SOFTMAX);

      for (int k = 0; k < 3; k++) {
        assertArrayEquals(whole[k], stitched[k], 1e-5f, "class " + k);
      }
      assertEquals(expectedSoftmax(weights, new float[] {0.1f, -0.2f, 0.3f}, channels, 1234, 2), whole[2][1234], 1e-5);
    }
  }

  @Test
  void paddingCoversSmallVolume() {
    Dimensions small = new Dimensions(5, 6, 7);
    float[][] channels = randomChannels(1, small, 5);
    try (OnnxModel model = OnnxModel.load(TestModels.identity(1), "identity", ExecutionOptions.cpu(1))) {
      float[][] out = SlidingWindowPredictor.predict(model, channels, small, WindowSettings.patches(8), 1,
          PatchActivation.NONE);

      assertArrayEquals(channels[0], out[0], 1e-6f);
    }
  }

  @Test
  void mirroringIsUndone() {
    Dimensions dims = new Dimensions(9, 4, 3);
    float[][] channels = randomChannels(1, dims, 8);
    try (OnnxModel model = OnnxModel.load(TestModels.shiftAlongX(), "shift", ExecutionOptions.cpu(1))) {
      float[][] plain = SlidingWindowPredictor.predict(model, channels, dims, WindowSettings.wholeVolume(), 1,
          PatchActivation.NONE);
      float[][] mirrored = SlidingWindowPredictor.predict(model, channels, dims,
          WindowSettings.wholeVolume().withMirrorAxes(0, 2), 1, PatchActivation.NONE);

      float[] in = channels[0];
      for (int z = 0; z < 3; z++) {
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 9; x++) {
            int i = dims.index(x, y, z);
            float right = x + 1 < 9 ? in[i + 1] : 0;
            float left = x > 0 ? in[i - 1] : 0;
            assertEquals(right, plain[0][i], 1e-6, "plain x=" + x);
            // Mirroring along x turns the shift around; mirroring along z changes nothing.
            assertEquals((right + left) / 2, mirrored[0][i], 1e-6, "mirrored x=" + x);
          }
        }
      }
    }
  }

  @Test
  void tileStartsAlignLastPatch() {
    assertArrayEquals(new int[] {0, 64, 112}, TilePlan.starts(240, 128, 0.5));
    assertArrayEquals(new int[] {0, 27}, TilePlan.starts(155, 128, 0.5));
    assertArrayEquals(new int[] {0}, TilePlan.starts(100, 128, 0.5));
    assertArrayEquals(new int[] {0, 1, 2}, TilePlan.starts(4, 2, 0.9));
  }

  @Test
  void fixedModelRejectsOtherPatch() {
    try (OnnxModel model = OnnxModel.load(TestModels.fixedIdentity(8, 8, 8), "fixed.onnx", ExecutionOptions.cpu(1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SlidingWindowPredictor.predict(model, randomChannels(1, DIMS, 1), DIMS, WindowSettings.patches(16), 1,
              PatchActivation.NONE));

      assertEquals("model fixed.onnx input 'image' has fixed shape [1, 1, 8, 8, 8] but the patch size (x, y, z) is "
          + "[16, 16, 16]", e.getMessage());
    }
  }

  @Test
  void fixedModelTilesWholeVolume() {
    float[][] channels = randomChannels(1, DIMS, 3);
    try (OnnxModel model = OnnxModel.load(TestModels.fixedIdentity(8, 8, 8), "fixed.onnx", ExecutionOptions.cpu(1))) {
      float[][] out = SlidingWindowPredictor.predict(model, channels, DIMS, WindowSettings.wholeVolume(), 1,
          PatchActivation.NONE);

      assertArrayEquals(channels[0], out[0], 1e-6f);
    }
  }

  @Test
  void wrongOutputChannelsRejected() {
    try (OnnxModel model = OnnxModel.load(TestModels.identity(1), "identity.onnx", ExecutionOptions.cpu(1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SlidingWindowPredictor.predict(model, randomChannels(1, DIMS, 1), DIMS, WindowSettings.wholeVolume(), 2,
              PatchActivation.NONE));

      assertEquals("model identity.onnx returned output 'logits' of shape [1, 1, 21, 29, 37] but [1, 2, 21, 29, 37] "
          + "was expected", e.getMessage());
    }
  }

  static float[][] randomChannels(int count, Dimensions dims, long seed) {
    Random random = new Random(seed);
    float[][] channels = new float[count][dims.voxelCount()];
    for (float[] channel : channels) {
      for (int i = 0; i < channel.length; i++) {
        channel[i] = (float) random.nextGaussian();
      }
    }
    return channels;
  }

  private static double expectedSoftmax(float[][] weights, float[] bias, float[][] channels, int voxel, int k) {
    double[] logits = new double[weights.length];
    double sum = 0;
    for (int c = 0; c < weights.length; c++) {
      logits[c] = bias[c];
      for (int j = 0; j < channels.length; j++) {
        logits[c] += weights[c][j] * channels[j][voxel];
      }
      sum += Math.exp(logits[c]);
    }
    return Math.exp(logits[k]) / sum;
  }
}
