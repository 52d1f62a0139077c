package io.github.bratsensemble.inference.brain;

import io.github.bratsensemble.imaging.conform.ConformIntensity;
import io.github.bratsensemble.imaging.conform.Conformer;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.Tensor;
import io.github.bratsensemble.inference.tfjs.TfjsImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brain extraction with a brainchop skull-stripping model such as MindGrab, on an image of any
 * grid and orientation; the preprocessor and the {@code brain-extract} command use it.
 *
 * <p>INPUT: one image (T1, T1c, T2, FLAIR or another modality MindGrab handles). OUTPUT: a 0/1
 * brain mask on the input grid. Steps, following brainchop's full-volume pipeline for MindGrab:
 * <ol>
 *   <li>conform to 256^3 1 mm LIA ({@link Conformer}) and rescale to uint8 values
 *       ({@link ConformIntensity#toUint8Range});
 *   <li>scale to [0, 1] by the 5 % / 95 % quantiles (or by min-max, see {@link Settings});
 *   <li>crop to the bounding box of the voxels above {@code cropThreshold} times the maximum, plus
 *       {@code cropPadding} voxels, because the model's instance normalisation statistics depend
 *       on the field of view of its input;
 *   <li>run the model once on the crop ({@code [1, 1, z, y, x]}), take the argmax of its two
 *       channels (background, brain), keep the largest 26-connected component;
 *   <li>map the mask back to the input grid with label-aware interpolation.
 * </ol>
 * The model must take the conformed volume in NIfTI memory order, which is what
 * {@link #open} produces from a tfjs directory (imported with reversed spatial axes, matching
 * brainchop's transposed input). The extractor owns its model; close it when done. Calls to
 * {@link #extract} may run concurrently.
 */
public final class BrainExtractor implements AutoCloseable {
  private final OnnxModel model;
  private final Settings settings;

  /**
   * Preprocessing parameters.
   *
   * @param quantileNormalization scale by the 5 % / 95 % quantiles (MindGrab) instead of min-max
   * @param cropThreshold fraction of the maximum intensity that marks the head for cropping; 0 disables cropping
   * @param cropPadding voxels added around the crop box on each side
   */
  public record Settings(boolean quantileNormalization, double cropThreshold, int cropPadding) {
    /** Returns brainchop's MindGrab settings: quantile normalisation, threshold 0.5, padding 20. */
    public static Settings mindGrab() {
      return new Settings(true, 0.5, 20);
    }
  }

  public BrainExtractor(OnnxModel model, Settings settings) {
    model.signature().check(1, 2);
    this.model = model;
    this.settings = settings;
  }

  /**
   * Opens a model from an ONNX file or a TensorFlow.js model directory; a tfjs model is converted
   * once into {@code cacheDirectory} and reused from there.
   */
  public static BrainExtractor open(Path model, Path cacheDirectory, ExecutionOptions options) throws IOException {
    Path onnx = Files.isDirectory(model) || model.getFileName().toString().endsWith(".json")
        ? TfjsImporter.convertCached(model, cacheDirectory, true)
        : model;
    OnnxModel loaded = OnnxModel.load(onnx, options);
    try {
      return new BrainExtractor(loaded, Settings.mindGrab());
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  /** Returns the brain mask (0/1) of {@code image} on its own grid. */
  public LabelVolume extract(FloatVolume image) {
    Conformer conformer = Conformer.of(image.grid());
    float[] values = ConformIntensity.toUint8Range(conformer.conformImage(image).voxelArray());
    if (settings.quantileNormalization()) {
      ConformIntensity.quantileToUnit(values, 0.05, 0.95);
    } else {
      ConformIntensity.minMaxToUnit(values);
    }
    Dimensions dims = conformer.target().dimensions();
    int[] box = cropBox(values, dims);
    byte[] mask = new byte[dims.voxelCount()];
    if (box != null) {
      predictInto(values, dims, box, mask);
    }
    byte[] brain = ConnectedComponents.label(mask, dims, Connectivity.FULL_26).keepLargest();
    return conformer.restoreLabels(LabelVolume.wrap(conformer.target(), brain));
  }

  public OnnxModel model() {
    return model;
  }

  /** Returns {x0, y0, z0, x1, y1, z1} (inclusive) of the crop, or null when nothing exceeds the threshold. */
  private int[] cropBox(float[] values, Dimensions dims) {
    int n = dims.nx();
    if (settings.cropThreshold() <= 0) {
      return new int[] {0, 0, 0, n - 1, n - 1, n - 1};
    }
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      max = Math.max(max, v);
    }
    double threshold = settings.cropThreshold() * max;
    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
    int i = 0;
    for (int z = 0; z < dims.nz(); z++) {
      for (int y = 0; y < dims.ny(); y++) {
        for (int x = 0; x < dims.nx(); x++, i++) {
          if (values[i] > threshold) {
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.min(box[2], z);
            box[3] = Math.max(box[3], x);
            box[4] = Math.max(box[4], y);
            box[5] = Math.max(box[5], z);
          }
        }
      }
    }
    if (box[3] < 0) {
      return null;
    }
    for (int axis = 0; axis < 3; axis++) {
      box[axis] = Math.max(0, box[axis] - settings.cropPadding());
      box[axis + 3] = Math.min(dims.size(axis) - 1, box[axis + 3] + settings.cropPadding());
    }
    return box;
  }

  private void predictInto(float[] values, Dimensions dims, int[] box, byte[] mask) {
    int cx = box[3] - box[0] + 1;
    int cy = box[4] - box[1] + 1;
    int cz = box[5] - box[2] + 1;
    float[] crop = new float[cx * cy * cz];
    int i = 0;
    for (int z = box[2]; z <= box[5]; z++) {
      for (int y = box[1]; y <= box[4]; y++) {
        System.arraycopy(values, dims.index(box[0], y, z), crop, i, cx);
        i += cx;
      }
    }
    Tensor output = model.run(crop, new long[] {1, 1, cz, cy, cx});
    float[] logits = output.data();
    int voxels = crop.length;
    if (logits.length != 2 * voxels) {
      throw new IllegalArgumentException("model " + model.signature().modelName() + " returned " + output
          + " for input [1, 1, " + cz + ", " + cy + ", " + cx + "]; 2 channels of the input size were expected");
    }
    i = 0;
    for (int z = box[2]; z <= box[5]; z++) {
      for (int y = box[1]; y <= box[4]; y++) {
        int row = dims.index(box[0], y, z);
        for (int x = 0; x < cx; x++, i++) {
          if (logits[voxels + i] > logits[i]) {
            mask[row + x] = 1;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
