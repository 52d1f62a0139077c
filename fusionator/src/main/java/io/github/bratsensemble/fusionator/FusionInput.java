package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * One input label map: a name for messages and reports (usually the file name), the labels, and
 * the convention they are written in.
 */
public record FusionInput(String name, LabelVolume labels, LabelConvention convention) {

  public FusionInput {
    if (name == null || labels == null || convention == null) {
      throw new IllegalArgumentException("name, labels and convention are required");
    }
  }
}
