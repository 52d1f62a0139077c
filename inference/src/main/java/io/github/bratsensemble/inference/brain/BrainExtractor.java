package io.github.bratsensemble.inference.brain;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter;
import io.github.bratsensemble.inference.conformed.ConformedSegmenter.Scaling;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.tfjs.TfjsImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brain extraction with a brainchop skull-stripping model such as MindGrab, on an image of any
 * grid and orientation; the preprocessor and the {@code brain-extract} command use it.
 *
 * <p>INPUT: one image (T1, T1c, T2, FLAIR or another modality MindGrab handles). OUTPUT: a 0/1
 * brain mask on the input grid. The steps are those of {@link ConformedSegmenter} with brainchop's
 * MindGrab settings: quantile scaling, a crop at half the maximum intensity plus 20 voxels (the
 * model's instance normalisation statistics depend on its input's field of view), output channels
 * background and brain, and only the largest connected component kept.
 *
 * <p>The model must take the conformed volume in NIfTI memory order, which is what {@link #open}
 * produces from a tfjs directory (imported with reversed spatial axes, matching brainchop's
 * transposed input). The extractor owns its model; close it when done. Calls to {@link #extract}
 * may run concurrently.
 */
public final class BrainExtractor implements AutoCloseable {
  private final ConformedSegmenter segmenter;

  /**
   * Takes ownership of {@code model}, which must have one input and two output channels; a rejected
   * model is closed.
   */
  public BrainExtractor(OnnxModel model) {
    this.segmenter = new ConformedSegmenter(model, mindGrabSettings());
  }

  /** Returns brainchop's MindGrab settings. */
  public static ConformedSegmenter.Settings mindGrabSettings() {
    return new ConformedSegmenter.Settings(Scaling.QUANTILES_5_95, 0.5, 20, new int[] {0, 1}, true);
  }

  /**
   * Opens a model from an ONNX file or a TensorFlow.js model directory; a tfjs model is converted
   * once into {@code cacheDirectory} and reused from there.
   */
  public static BrainExtractor open(Path model, Path cacheDirectory, ExecutionOptions options) throws IOException {
    Path onnx = Files.isDirectory(model) || model.getFileName().toString().endsWith(".json")
        ? TfjsImporter.convertCached(model, cacheDirectory, true)
        : model;
    return new BrainExtractor(OnnxModel.load(onnx, options));
  }

  /** Returns the brain mask (0/1) of {@code image} on its own grid. */
  public LabelVolume extract(FloatVolume image) {
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
