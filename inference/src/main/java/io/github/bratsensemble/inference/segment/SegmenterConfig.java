package io.github.bratsensemble.inference.segment;

import io.github.bratsensemble.inference.window.WindowSettings;

/** What {@link OnnxSegmenter} does around the model: input normalisation, windowing, output decoding. */
public record SegmenterConfig(Normalization normalization, WindowSettings window, OutputDecoding output) {
  public SegmenterConfig {
    if (normalization == null || window == null || output == null) {
      throw new IllegalArgumentException("normalization, window settings and output decoding are required");
    }
  }
}
