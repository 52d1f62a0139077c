package io.github.bratsensemble.inference.conformed;

import io.github.bratsensemble.imaging.conform.ConformIntensity;
import io.github.bratsensemble.imaging.conform.Conformer;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Runs a brainchop-style model, which expects one conformed T1-like volume, on an image of any
 * grid and orientation, and returns its label map on the image's own grid.
 *
 * <p>INPUT: one image. OUTPUT: a label map on the input grid. Steps, following brainchop's
 * full-volume pipeline:
 * <ol>
 *   <li>conform to 256^3 1 mm LIA ({@link Conformer}) and rescale to uint8 values
 *       ({@link ConformIntensity#toUint8Range});
 *   <li>scale to [0, 1] by min-max or by the 5 % / 95 % quantiles ({@link Scaling});
 *   <li>crop to the bounding box of the voxels above {@code cropThreshold} times the maximum, plus
 *       {@code cropPadding} voxels, or keep the whole volume when the threshold is 0;
 *   <li>run the model once ({@code [1, 1, z, y, x]}: the conformed volume in NIfTI memory order)
 *       and label each voxel with the {@code channelLabels} entry of its largest output channel;
 *       voxels outside the crop are label 0;
 *   <li>optionally keep only the largest 26-connected component of the labelled voxels;
 *   <li>map the labels back to the input grid with label-aware interpolation.
 * </ol>
 * The argmax is taken on the raw outputs: softmax preserves their order, so it is not computed.
 * The segmenter owns its model; close it when done. Calls to {@link #segment} may run concurrently.
 */
public final class ConformedSegmenter implements AutoCloseable {
  private final OnnxModel model;
  private final Settings settings;

  /** Scaling of the conformed uint8 values into the model input. */
  public enum Scaling {
    /** {@code (v - min) / (max - min)}. */
    MIN_MAX,
    /** {@code (v - q05) / (q95 - q05)}, not clamped. */
    QUANTILES_5_95
  }

  /**
   * Preprocessing and decoding parameters.
   *
   * @param scaling intensity scaling after the uint8 rescale
   * @param cropThreshold fraction of the maximum scaled intensity that marks the head for cropping, or 0 for the whole volume
   * @param cropPadding voxels added around the crop box on each side
   * @param channelLabels the label written for each output channel; its length is the model's channel count
   * @param largestComponent keep only the largest 26-connected component of the non-zero labels
   */
  public record Settings(Scaling scaling, double cropThreshold, int cropPadding, int[] channelLabels,
      boolean largestComponent) {
    public Settings {
      if (!(cropThreshold >= 0 && cropThreshold < 1)) {
        throw new IllegalArgumentException("cropThreshold must be in [0, 1) but was " + cropThreshold);
      }
      if (cropPadding < 0) {
        throw new IllegalArgumentException("cropPadding must be 0 or more but was " + cropPadding);
      }
      if (channelLabels.length < 2) {
        throw new IllegalArgumentException("a model needs at least 2 output channels but channelLabels has "
            + channelLabels.length);
      }
      for (int label : channelLabels) {
        if (label < 0 || label > 255) {
          throw new IllegalArgumentException("channel labels must be in 0..255 but one was " + label);
        }
      }
      channelLabels = channelLabels.clone();
    }

    @Override
    public int[] channelLabels() {
      return channelLabels.clone();
    }
  }

  /**
   * Takes ownership of {@code model}; a rejected model is closed before the exception is thrown.
   *
   * @throws IllegalArgumentException if the model's declared channel counts contradict one input channel and the labels
   */
  public ConformedSegmenter(OnnxModel model, Settings settings) {
    try {
      model.signature().check(1, settings.channelLabels.length);
    } catch (IllegalArgumentException e) {
      model.close();
      throw e;
    }
    this.model = model;
    this.settings = settings;
  }

  /** Returns the label map of {@code image} on its own grid; NaN and infinite voxels count as 0. */
  public LabelVolume segment(FloatVolume image) {
    Conformer conformer = Conformer.of(image.grid());
    float[] values = ConformIntensity.toUint8Range(conformer.conformImage(finite(image)).voxelArray());
    if (settings.scaling() == Scaling.QUANTILES_5_95) {
      ConformIntensity.quantileToUnit(values, 0.05, 0.95);
    } else {
      ConformIntensity.minMaxToUnit(values);
    }
    Dimensions dims = conformer.target().dimensions();
    byte[] labels = new byte[dims.voxelCount()];
    Box box = cropBox(values, dims);
    if (box != null) {
      predictInto(values, dims, box, labels);
    }
    LabelVolume conformedLabels = LabelVolume.wrap(conformer.target(), labels);
    if (settings.largestComponent()) {
      byte[] largest = ConnectedComponents.label(labels, dims, Connectivity.FULL_26).keepLargest();
      conformedLabels = conformedLabels.masked(LabelVolume.wrap(conformer.target(), largest));
    }
    return conformer.restoreLabels(conformedLabels);
  }

  public OnnxModel model() {
    return model;
  }

  /** Returns {@code image}, or a copy with its NaN and infinite voxels set to 0 when it has any. */
  private static FloatVolume finite(FloatVolume image) {
    float[] values = image.voxelArray();
    float[] copy = null;
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        if (copy == null) {
          copy = values.clone();
        }
        copy[i] = 0;
      }
    }
    return copy == null ? image : FloatVolume.wrap(image.grid(), copy);
  }

  public Settings settings() {
    return settings;
  }

  /** Inclusive voxel bounds of the region passed to the model. */
  private record Box(int x0, int y0, int z0, int x1, int y1, int z1) {
    int nx() {
      return x1 - x0 + 1;
    }

    int ny() {
      return y1 - y0 + 1;
    }

    int nz() {
      return z1 - z0 + 1;
    }
  }

  /** Returns the crop, the whole volume when cropping is off, or null when nothing exceeds the threshold. */
  private Box cropBox(float[] values, Dimensions dims) {
    if (settings.cropThreshold() == 0) {
      return new Box(0, 0, 0, dims.nx() - 1, dims.ny() - 1, dims.nz() - 1);
    }
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      max = Math.max(max, v);
    }
    double threshold = settings.cropThreshold() * max;
    int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] high = {-1, -1, -1};
    int i = 0;
    for (int z = 0; z < dims.nz(); z++) {
      for (int y = 0; y < dims.ny(); y++) {
        for (int x = 0; x < dims.nx(); x++, i++) {
          if (values[i] > threshold) {
            low[0] = Math.min(low[0], x);
            low[1] = Math.min(low[1], y);
            low[2] = Math.min(low[2], z);
            high[0] = Math.max(high[0], x);
            high[1] = Math.max(high[1], y);
            high[2] = Math.max(high[2], z);
          }
        }
      }
    }
    if (high[0] < 0) {
      return null;
    }
    int pad = settings.cropPadding();
    return new Box(Math.max(0, low[0] - pad), Math.max(0, low[1] - pad), Math.max(0, low[2] - pad),
        Math.min(dims.nx() - 1, high[0] + pad), Math.min(dims.ny() - 1, high[1] + pad), Math.min(dims.nz() - 1, high[2] + pad));
  }

  private void predictInto(float[] values, Dimensions dims, Box box, byte[] labels) {
    int voxels = box.nx() * box.ny() * box.nz();
    FloatBuffer input = ByteBuffer.allocateDirect(voxels * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    for (int z = box.z0(); z <= box.z1(); z++) {
      for (int y = box.y0(); y <= box.y1(); y++) {
        input.put(values, dims.index(box.x0(), y, z), box.nx());
      }
    }
    input.rewind();
    Tensor output = model.run(input, new long[] {1, 1, box.nz(), box.ny(), box.nx()});
    int[] channelLabels = settings.channelLabels;
    long[] expected = {1, channelLabels.length, box.nz(), box.ny(), box.nx()};
    if (!java.util.Arrays.equals(output.shape(), expected)) {
      throw new IllegalArgumentException("model " + model.signature().modelName() + " returned " + output
          + " for input [1, 1, " + box.nz() + ", " + box.ny() + ", " + box.nx() + "]; "
          + java.util.Arrays.toString(expected) + " was expected");
    }
    float[] scores = output.data();
    int rowLength = box.nx();
    IntStream.range(0, box.nz()).parallel().forEach(cz -> {
      int source = cz * box.ny() * rowLength;
      for (int y = box.y0(); y <= box.y1(); y++) {
        int target = dims.index(box.x0(), y, box.z0() + cz);
        for (int x = 0; x < rowLength; x++, source++) {
          int best = 0;
          float bestScore = scores[source];
          for (int c = 1; c < channelLabels.length; c++) {
            float score = scores[c * voxels + source];
            if (score > bestScore) {
              best = c;
              bestScore = score;
            }
          }
          labels[target + x] = (byte) channelLabels[best];
        }
      }
    });
  }

  @Override
  public void close() {
    model.close();
  }
}
