package io.github.bratsensemble.segmentor.registry;

import io.github.bratsensemble.inference.models.ModelSource;
import io.github.bratsensemble.inference.segment.Normalization;
import io.github.bratsensemble.inference.segment.OutputDecoding;
import io.github.bratsensemble.inference.segment.SegmenterConfig;
import io.github.bratsensemble.inference.window.WindowSettings;
import java.util.List;

/**
 * The settings of an {@code onnx} registry entry, validated.
 *
 * @param model the model file or URL; a relative path in the registry is already resolved against
 *     the registry file's folder
 * @param inputs the image fed to each model input channel, in channel order
 * @param normalization per-channel intensity normalisation
 * @param window patch size (or whole volume), overlap, blending, batch size and mirror axes
 * @param output how the output channels become labels of the entry's label convention
 * @param intraOpThreads ONNX Runtime threads inside one operator; 0 lets ONNX Runtime choose
 */
public record OnnxSettings(
    ModelSource model,
    List<Modality> inputs,
    Normalization normalization,
    WindowSettings window,
    OutputDecoding output,
    int intraOpThreads) {

  public OnnxSettings {
    inputs = List.copyOf(inputs);
  }

  /** Returns the segmenter configuration of the inference module. */
  public SegmenterConfig segmenterConfig() {
    return new SegmenterConfig(normalization, window, output);
  }
}
