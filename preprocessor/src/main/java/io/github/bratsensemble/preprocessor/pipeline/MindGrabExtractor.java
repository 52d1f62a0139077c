package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.brain.BrainExtractor;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Adapts the inference module's {@link BrainExtractor} (brainchop's MindGrab through the tfjs
 * importer and ONNX Runtime) to the pipeline's brain extraction step.
 */
public final class MindGrabExtractor implements NativeBrainExtractor {
  private final BrainExtractor extractor;

  private MindGrabExtractor(BrainExtractor extractor) {
    this.extractor = extractor;
  }

  /**
   * Opens the model: a tfjs model folder (or its {@code model.json}) is converted to ONNX once and
   * cached in {@code onnxCacheFolder}; an {@code .onnx} file is used as it is.
   *
   * @param threads ONNX Runtime intra-op threads, 0 for its default
   */
  public static MindGrabExtractor open(Path model, Path onnxCacheFolder, int threads) throws IOException {
    return new MindGrabExtractor(BrainExtractor.open(model, onnxCacheFolder, ExecutionOptions.cpu(threads)));
  }

  @Override
  public String name() {
    return "mindgrab";
  }

  @Override
  public LabelVolume extract(FloatVolume image) {
    return extractor.extract(image);
  }

  @Override
  public void close() {
    extractor.close();
  }
}
