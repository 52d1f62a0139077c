package io.github.bratsensemble.inference.tissue;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter.Scaling;
import io.github.bratsensemble.inference.onnx.OnnxModel;

/**
 * Grey and white matter segmentation of a T1-weighted image with a MeshNet tissue model, such as
 * the one niivue-onnx publishes, on an image of any grid and orientation.
 *
 * <p>INPUT: one T1-weighted image, with or without skull. OUTPUT: a label map on the input grid
 * with {@link #GREY_MATTER} and {@link #WHITE_MATTER}; everything else is 0. The model receives
 * the whole conformed volume scaled by min-max, as niivue-onnx feeds it. Its output channels are
 * background, white matter, grey matter in that order: on the SRI24 T1 atlas channel 1 covers the
 * deep white matter and channel 2 the cortical ribbon.
 *
 * <p>The segmenter owns its model; close it when done. Calls to {@link #segment} may run concurrently.
 */
public final class TissueSegmenter implements AutoCloseable {
  /** Output label of grey matter. */
  public static final int GREY_MATTER = 1;
  /** Output label of white matter. */
  public static final int WHITE_MATTER = 2;

  private final ConformedSegmenter segmenter;

  /**
   * Takes ownership of {@code model}, which must have one input and three output channels; a
   * rejected model is closed.
   */
  public TissueSegmenter(OnnxModel model) {
    this.segmenter = new ConformedSegmenter(model, meshNetSettings());
  }

  /** Returns the settings for MeshNet: min-max scaling, whole volume, channels background, white, grey. */
  public static ConformedSegmenter.Settings meshNetSettings() {
    return new ConformedSegmenter.Settings(Scaling.MIN_MAX, 0, 0, new int[] {0, WHITE_MATTER, GREY_MATTER}, false);
  }

  /** Returns the tissue map of {@code image} on its own grid. */
  public LabelVolume segment(FloatVolume image) {
    return segmenter.segment(image);
  }

  public OnnxModel model() {
    return segmenter.model();
  }

  @Override
  public void close() {
    segmenter.close();
  }
}
