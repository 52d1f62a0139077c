package io.github.bratsensemble.inference.conformed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.conform.Conformer;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter.Scaling;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter.Settings;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.TestModels;
import org.junit.jupiter.api.Test;

class ConformedSegmenterTest {
  /** A grid that is already conformed, so conforming and restoring leave voxels where they are. */
  private static final Grid CONFORMED = Conformer.conformedGrid(Grid.BRATS);
  private static final Dimensions DIMS = CONFORMED.dimensions();

  @Test
  void labelsFollowChannelLabels() {
    float[] image = new float[DIMS.voxelCount()];
    fillCube(image, 60, 20, 50);
    fillCube(image, 150, 20, 100);
    // After the uint8 rescale and min-max the cubes read 127/255 and 1. Scores: channel 0 = 0.25,
    // channel 1 = v, channel 2 = 2v - 0.9, so the dim cube takes channel 1 and the bright one channel 2.
    byte[] model = TestModels.pointwise(new float[][] {{0}, {1}, {2}}, new float[] {0.25f, 0, -0.9f});
    Settings settings = new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 7, 3}, false);

    LabelVolume labels = segment(model, settings, FloatVolume.wrap(CONFORMED, image));

    byte[] expected = new byte[DIMS.voxelCount()];
    fillCube(expected, 60, 20, (byte) 7);
    fillCube(expected, 150, 20, (byte) 3);
    assertArrayEquals(expected, labels.labelArray());
  }

  @Test
  void nonFiniteVoxelsCountAsZero() {
    float[] clean = new float[DIMS.voxelCount()];
    fillCube(clean, 60, 20, 50);
    fillCube(clean, 150, 20, 100);
    float[] spoiled = clean.clone();
    spoiled[DIMS.index(10, 10, 10)] = Float.POSITIVE_INFINITY;
    spoiled[DIMS.index(11, 10, 10)] = Float.NEGATIVE_INFINITY;
    spoiled[DIMS.index(12, 10, 10)] = Float.NaN;
    byte[] model = TestModels.pointwise(new float[][] {{0}, {1}, {2}}, new float[] {0.25f, 0, -0.9f});
    Settings settings = new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 7, 3}, false);

    LabelVolume fromClean = segment(model, settings, FloatVolume.wrap(CONFORMED, clean));
    LabelVolume fromSpoiled = segment(model, settings, FloatVolume.wrap(CONFORMED, spoiled));

    assertArrayEquals(fromClean.labelArray(), fromSpoiled.labelArray());
  }

  @Test
  void cropLeavesOutsideAsBackground() {
    float[] image = new float[DIMS.voxelCount()];
    fillCube(image, 60, 20, 100);
    fillCube(image, 150, 10, 10);
    // Channel 1 wins everywhere the model looks.
    byte[] model = TestModels.pointwise(new float[][] {{0}, {0}}, new float[] {0, 1});

    LabelVolume cropped = segment(model, new Settings(Scaling.MIN_MAX, 0.5, 2, new int[] {0, 1}, false),
        FloatVolume.wrap(CONFORMED, image));
    LabelVolume whole = segment(model, new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 1}, false),
        FloatVolume.wrap(CONFORMED, image));

    // The box of the bright cube (60..79) grown by 2 voxels: 24^3; the dim cube is below half the maximum.
    assertEquals(24L * 24 * 24, cropped.histogram()[1]);
    assertEquals(1, cropped.label(58, 58, 58));
    assertEquals(0, cropped.label(57, 58, 58));
    assertEquals(DIMS.voxelCount(), whole.histogram()[1]);
  }

  @Test
  void largestComponentDropsSmallerRegion() {
    float[] image = new float[DIMS.voxelCount()];
    fillCube(image, 60, 20, 100);
    fillCube(image, 150, 10, 100);
    byte[] model = TestModels.pointwise(new float[][] {{0}, {1}}, new float[] {0, -0.1f});

    LabelVolume labels = segment(model, new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 1}, true),
        FloatVolume.wrap(CONFORMED, image));

    assertEquals(20L * 20 * 20, labels.histogram()[1]);
    assertEquals(0, labels.label(155, 155, 155));
  }

  @Test
  void labelsReturnToInputGrid() {
    // 2 mm voxels in RAS order: the model receives a resampled, reoriented copy.
    Grid coarse = new Grid(new Dimensions(40, 40, 30), Affine.scaling(2, 2, 2, -40, -40, -30));
    float[] image = new float[coarse.voxelCount()];
    for (int z = 10; z < 20; z++) {
      for (int y = 15; y < 25; y++) {
        for (int x = 15; x < 25; x++) {
          image[coarse.dimensions().index(x, y, z)] = 100;
        }
      }
    }
    byte[] model = TestModels.pointwise(new float[][] {{0}, {1}}, new float[] {0, -0.5f});

    LabelVolume labels = segment(model, new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 4}, false),
        FloatVolume.wrap(coarse, image));

    assertTrue(labels.grid().matches(coarse, Grid.DEFAULT_TOLERANCE_MM));
    assertEquals(4, labels.label(20, 20, 15));
    assertEquals(0, labels.label(5, 5, 5));
    // The block is 10 voxels on each side; its restored volume is within one voxel layer of that.
    long voxels = labels.histogram()[4];
    assertTrue(voxels >= 8 * 8 * 8, "restored block of " + voxels + " voxels");
    assertTrue(voxels <= 12 * 12 * 12, "restored block of " + voxels + " voxels");
  }

  @Test
  void rejectsModelWithOtherChannelCount() {
    byte[] twoChannels = TestModels.pointwise(new float[][] {{0}, {1}}, new float[] {0, 0});
    OnnxModel model = OnnxModel.load(twoChannels, "two-channels", ExecutionOptions.cpu());
    Settings threeLabels = new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 1, 2}, false);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConformedSegmenter(model, threeLabels));

    assertEquals("model two-channels output 'logits' has 2 channels [-1, 2, -1, -1, -1] but the output decoding expects 3",
        e.getMessage());
    // The rejected model was closed, so it can no longer run.
    assertThrows(IllegalStateException.class, () -> model.run(new float[1], new long[] {1, 1, 1, 1, 1}));
  }

  @Test
  void rejectsLabelOutsideByteRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, 300}, false));

    assertEquals("channel labels must be in 0..255 but one was 300", e.getMessage());
  }

  private static LabelVolume segment(byte[] model, Settings settings, FloatVolume image) {
    try (ConformedSegmenter segmenter = new ConformedSegmenter(OnnxModel.load(model, "test", ExecutionOptions.cpu()), settings)) {
      return segmenter.segment(image);
    }
  }

  private static void fillCube(float[] voxels, int start, int size, float value) {
    for (int z = start; z < start + size; z++) {
      for (int y = start; y < start + size; y++) {
        for (int x = start; x < start + size; x++) {
          voxels[DIMS.index(x, y, z)] = value;
        }
      }
    }
  }

  private static void fillCube(byte[] voxels, int start, int size, byte value) {
    for (int z = start; z < start + size; z++) {
      for (int y = start; y < start + size; y++) {
        for (int x = start; x < start + size; x++) {
          voxels[DIMS.index(x, y, z)] = value;
        }
      }
    }
  }
}
