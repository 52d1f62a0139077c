package io.github.bratsensemble.inference.segment;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.window.SlidingWindowPredictor;

/**
 * Segments co-registered images with an ONNX model: the entry point for registry algorithms of
 * kind {@code onnx}.
 *
 * <p>INPUTS: one {@link FloatVolume} per model input channel, in the model's channel order, all on
 * the same grid (normally BraTS space). PARAMETERS: a {@link SegmenterConfig} with the per-channel
 * {@link Normalization}, the {@link io.github.bratsensemble.inference.window.WindowSettings} and the
 * {@link OutputDecoding}. OUTPUT: a {@link LabelVolume} on the input grid.
 *
 * <p>The model's declared input channels and output channels are checked against the number of
 * volumes and the decoding before anything runs. The segmenter owns the model it was given and
 * closes it in {@link #close}. Calls to {@link #segment} may run concurrently.
 */
public final class OnnxSegmenter implements AutoCloseable {
  private final OnnxModel model;
  private final SegmenterConfig config;

  public OnnxSegmenter(OnnxModel model, SegmenterConfig config) {
    this.model = model;
    this.config = config;
  }

  /**
   * Segments the channels.
   *
   * @throws IllegalArgumentException if the channel count or grids do not match the model, or
   *     the model's shapes contradict the configuration
   * @throws io.github.bratsensemble.inference.onnx.InferenceException if ONNX Runtime fails
   */
  public LabelVolume segment(FloatVolume... channels) {
    return config.output().decode(probabilities(channels), channels[0].grid());
  }

  /** Returns the blended per-channel maps (probabilities for softmax and sigmoid outputs) before decoding. */
  public float[][] probabilities(FloatVolume... channels) {
    if (channels.length == 0) {
      throw new IllegalArgumentException("at least one input volume is required");
    }
    model.signature().check(channels.length, config.output().channels());
    Grid grid = channels[0].grid();
    float[][] normalised = new float[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      String difference = grid.describeDifference(channels[c].grid(), Grid.DEFAULT_TOLERANCE_MM);
      if (!difference.isEmpty()) {
        throw new IllegalArgumentException("input volume " + (c + 1) + " is not on the grid of volume 1: " + difference);
      }
      normalised[c] = config.normalization().apply(channels[c].voxelArray());
    }
    return SlidingWindowPredictor.predict(model, normalised, grid.dimensions(), config.window(),
        config.output().channels(), config.output().activation());
  }

  public OnnxModel model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}
