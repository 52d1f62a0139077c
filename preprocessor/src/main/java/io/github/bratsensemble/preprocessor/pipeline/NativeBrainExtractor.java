package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;

/** Model-based brain extraction of one image in its native space. */
public interface NativeBrainExtractor extends AutoCloseable {

  /** Returns the name recorded in the manifest, such as {@code mindgrab}. */
  String name();

  /** Returns the brain mask (0/1) of {@code image} on the image's own grid. */
  LabelVolume extract(FloatVolume image) throws IOException;

  @Override
  void close();
}
