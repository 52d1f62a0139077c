package io.github.bratsensemble.inference.window;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.inference.onnx.ModelSignature;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sliding-window inference of a fully convolutional model over a multi-channel volume.
 *
 * <p>INPUTS: channel arrays on one grid (x fastest), the model, {@link WindowSettings}, the number
 * of output channels and the {@link PatchActivation} applied to each patch output.
 *
 * <p>OUTPUT: one map per output channel on the input grid: the activated patch predictions,
 * averaged over the mirror variants, blended with the patch weights and divided by the summed
 * weights at each voxel.
 *
 * <p>Patches are tiled along each axis with {@link TilePlan}; axes shorter than the patch are padded
 * with zeros and the padding is dropped from the output. Patches go to the model in batches of
 * {@code batchSize}, one model call per batch and mirror variant, and are accumulated as they
 * arrive, so memory contains the inputs, one accumulator per output channel, the weight sum, and one
 * batch of patches and outputs. Thread-safe: calls share no state.
 */
public final class SlidingWindowPredictor {
  private SlidingWindowPredictor() {}

  /**
   * Predicts per-channel maps.
   *
   * @throws IllegalArgumentException if the channels do not match the dimensions, the patch size
   *     contradicts a fixed model input size, or the model output does not have the expected shape
   */
  public static float[][] predict(OnnxModel model, float[][] channels, Dimensions dims, WindowSettings settings,
      int outputChannels, PatchActivation activation) {
    for (float[] channel : channels) {
      if (channel.length != dims.voxelCount()) {
        throw new IllegalArgumentException("a channel has " + channel.length + " voxels but the grid " + dims
            + " has " + dims.voxelCount());
      }
    }
    int[] patch = patchSize(model.signature(), dims, settings);
    int[][] starts = {
        TilePlan.starts(dims.nx(), patch[0], settings.overlap()),
        TilePlan.starts(dims.ny(), patch[1], settings.overlap()),
        TilePlan.starts(dims.nz(), patch[2], settings.overlap())};
    List<int[]> tiles = new ArrayList<>();
    for (int z : starts[2]) {
      for (int y : starts[1]) {
        for (int x : starts[0]) {
          tiles.add(new int[] {x, y, z});
        }
      }
    }

    int[][] variants = mirrorVariants(settings.mirrorAxes());
    boolean exactSingleTile = tiles.size() == 1 && variants.length == 1
        && patch[0] == dims.nx() && patch[1] == dims.ny() && patch[2] == dims.nz();
    if (exactSingleTile) {
      return predictWhole(model, channels, dims, outputChannels, activation);
    }

    Accumulator accumulator = new Accumulator(dims, outputChannels, BlendWeights.of(settings.blending(), patch[0], patch[1], patch[2]), patch);
    int patchVoxels = patch[0] * patch[1] * patch[2];
    // One native input buffer serves every batch; a shorter last batch uses part of it.
    int fullBatch = Math.min(settings.batchSize(), tiles.size());
    FloatBuffer input = ByteBuffer.allocateDirect(fullBatch * channels.length * patchVoxels * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    for (int first = 0; first < tiles.size(); first += settings.batchSize()) {
      List<int[]> batch = tiles.subList(first, Math.min(tiles.size(), first + settings.batchSize()));
      long[] shape = {batch.size(), channels.length, patch[2], patch[1], patch[0]};
      for (int[] flips : variants) {
        input.clear();
        for (int[] tile : batch) {
          for (float[] channel : channels) {
            PatchCopy.extract(channel, dims, tile, patch, flips, input);
          }
        }
        input.flip();
        Tensor output = model.run(input, shape);
        checkOutput(model.signature(), output, batch.size(), outputChannels, patch);
        activate(output.data(), batch.size(), outputChannels, patchVoxels, activation);
        for (int b = 0; b < batch.size(); b++) {
          accumulator.add(output.data(), b, batch.get(b), flips, 1f / variants.length);
        }
      }
      for (int[] tile : batch) {
        accumulator.addWeights(tile);
      }
    }
    return accumulator.finish();
  }

  /** Runs one patch that is exactly the volume: no padding, weights or mirroring, so no accumulation either. */
  private static float[][] predictWhole(OnnxModel model, float[][] channels, Dimensions dims, int outputChannels,
      PatchActivation activation) {
    int voxels = dims.voxelCount();
    FloatBuffer input = ByteBuffer.allocateDirect(channels.length * voxels * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    for (float[] channel : channels) {
      input.put(channel);
    }
    input.rewind();
    int[] patch = {dims.nx(), dims.ny(), dims.nz()};
    Tensor output = model.run(input, new long[] {1, channels.length, dims.nz(), dims.ny(), dims.nx()});
    checkOutput(model.signature(), output, 1, outputChannels, patch);
    activate(output.data(), 1, outputChannels, voxels, activation);
    float[][] maps = new float[outputChannels][];
    for (int c = 0; c < outputChannels; c++) {
      maps[c] = Arrays.copyOfRange(output.data(), c * voxels, (c + 1) * voxels);
    }
    return maps;
  }

  /** Resolves the patch size (x, y, z) from the settings and the model's fixed input dimensions. */
  static int[] patchSize(ModelSignature signature, Dimensions dims, WindowSettings settings) {
    long[] fixed = signature.spatialInputShape(); // D, H, W = z, y, x
    long[] fixedXyz = {fixed[2], fixed[1], fixed[0]};
    int[] patch = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      if (settings.isWholeVolume()) {
        patch[axis] = fixedXyz[axis] > 0 ? (int) fixedXyz[axis] : dims.size(axis);
      } else {
        patch[axis] = settings.patchSize()[axis];
        if (fixedXyz[axis] > 0 && fixedXyz[axis] != patch[axis]) {
          throw new IllegalArgumentException("model " + signature.modelName() + " input '" + signature.inputName()
              + "' has fixed shape " + Arrays.toString(signature.inputShape()) + " but the patch size (x, y, z) is "
              + Arrays.toString(settings.patchSize()));
        }
      }
    }
    return patch;
  }

  /** Returns every subset of the mirror axes as per-axis flip flags, the identity first. */
  private static int[][] mirrorVariants(int[] axes) {
    int count = 1 << axes.length;
    int[][] variants = new int[count][3];
    for (int mask = 0; mask < count; mask++) {
      for (int bit = 0; bit < axes.length; bit++) {
        if ((mask & (1 << bit)) != 0) {
          variants[mask][axes[bit]] = 1;
        }
      }
    }
    return variants;
  }

  private static void checkOutput(ModelSignature signature, Tensor output, int batch, int outputChannels, int[] patch) {
    long[] expected = {batch, outputChannels, patch[2], patch[1], patch[0]};
    if (!Arrays.equals(expected, output.shape())) {
      throw new IllegalArgumentException("model " + signature.modelName() + " returned output '" + signature.outputName()
          + "' of shape " + Arrays.toString(output.shape()) + " but " + Arrays.toString(expected) + " was expected");
    }
  }

  /** Applies the activation in place to {@code [batch, channels, voxels]}, in parallel over blocks of voxels. */
  private static void activate(float[] data, int batch, int channels, int voxels, PatchActivation activation) {
    if (activation == PatchActivation.NONE) {
      return;
    }
    int block = 1 << 16;
    int blocks = (voxels + block - 1) / block;
    IntStream.range(0, batch * blocks).parallel().forEach(task -> {
      int base = (task / blocks) * channels * voxels;
      int from = (task % blocks) * block;
      int to = Math.min(voxels, from + block);
      if (activation == PatchActivation.SIGMOID) {
        for (int c = 0; c < channels; c++) {
          for (int v = base + c * voxels + from; v < base + c * voxels + to; v++) {
            data[v] = (float) (1 / (1 + Math.exp(-data[v])));
          }
        }
        return;
      }
      for (int v = from; v < to; v++) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < channels; c++) {
          max = Math.max(max, data[base + c * voxels + v]);
        }
        double sum = 0;
        for (int c = 0; c < channels; c++) {
          int i = base + c * voxels + v;
          double e = Math.exp(data[i] - max);
          data[i] = (float) e;
          sum += e;
        }
        for (int c = 0; c < channels; c++) {
          data[base + c * voxels + v] /= (float) sum;
        }
      }
    });
  }
}
