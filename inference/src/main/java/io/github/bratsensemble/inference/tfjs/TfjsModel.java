package io.github.bratsensemble.inference.tfjs;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed TensorFlow.js layers model: a chain of layers after an input of shape
 * {@code [N, D, H, W, C]} (channels last; -1 for a free dimension).
 */
public record TfjsModel(Path source, int[] inputShape, List<TfjsLayer> layers) {

  public TfjsModel {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
  }

  public int inputChannels() {
    return inputShape[4];
  }

  /** Returns the number of output channels: the filters of the last convolution. */
  public int outputChannels() {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i) instanceof TfjsLayer.Conv3D conv) {
        return conv.filters();
      }
    }
    return inputChannels();
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }
}
