package io.github.bratsensemble.inference.segment;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.window.PatchActivation;
import java.util.Arrays;

/** How a model's output channels become a label map. */
public sealed interface OutputDecoding {

  /** Returns the number of output channels the model must produce. */
  int channels();

  /** Returns the activation applied to each patch output before blending. */
  PatchActivation activation();

  /** Turns blended per-channel maps into labels on {@code grid}. */
  LabelVolume decode(float[][] maps, Grid grid);

  /**
   * Softmax probabilities, then the argmax channel, mapped through {@code channelLabels} (label of
   * channel c = {@code channelLabels[c]}). On a tie the lower channel wins.
   */
  record Softmax(int[] channelLabels) implements OutputDecoding {
    public Softmax {
      if (channelLabels.length < 2) {
        throw new IllegalArgumentException("softmax output needs at least 2 channels but the label map has "
            + channelLabels.length);
      }
      for (int label : channelLabels) {
        if (label < 0 || label > 255) {
          throw new IllegalArgumentException("labels must be in 0..255 but were " + Arrays.toString(channelLabels));
        }
      }
      channelLabels = channelLabels.clone();
    }

    @Override
    public int channels() {
      return channelLabels.length;
    }

    @Override
    public PatchActivation activation() {
      return PatchActivation.SOFTMAX;
    }

    @Override
    public LabelVolume decode(float[][] maps, Grid grid) {
      byte[] labels = new byte[grid.voxelCount()];
      for (int i = 0; i < labels.length; i++) {
        int best = 0;
        for (int c = 1; c < maps.length; c++) {
          if (maps[c][i] > maps[best][i]) {
            best = c;
          }
        }
        labels[i] = (byte) channelLabels[best];
      }
      return LabelVolume.wrap(grid, labels);
    }

    @Override
    public int[] channelLabels() {
      return channelLabels.clone();
    }
  }

  /**
   * Three sigmoid channels for the nested BraTS regions, in the order whole tumour (WT), tumour core
   * (TC), enhancing tumour (ET). A voxel is ET when its ET probability reaches {@code threshold},
   * else tumour core when TC does, else whole tumour when WT does, else background; the regions are
   * written as {@code etLabel}, {@code coreLabel} (core without ET) and {@code edemaLabel} (WT
   * without TC). With BraTS 2023 labels that is ET 3, necrosis 1, oedema 2.
   */
  record SigmoidRegions(float threshold, int edemaLabel, int coreLabel, int etLabel) implements OutputDecoding {
    public SigmoidRegions {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("sigmoid threshold must be in (0, 1) but was " + threshold);
      }
    }

    /** Returns the BraTS 2023 labels (oedema 2, necrosis 1, ET 3) with threshold 0.5. */
    public static SigmoidRegions brats2023() {
      return new SigmoidRegions(0.5f, 2, 1, 3);
    }

    @Override
    public int channels() {
      return 3;
    }

    @Override
    public PatchActivation activation() {
      return PatchActivation.SIGMOID;
    }

    @Override
    public LabelVolume decode(float[][] maps, Grid grid) {
      byte[] labels = new byte[grid.voxelCount()];
      for (int i = 0; i < labels.length; i++) {
        if (maps[2][i] >= threshold) {
          labels[i] = (byte) etLabel;
        } else if (maps[1][i] >= threshold) {
          labels[i] = (byte) coreLabel;
        } else if (maps[0][i] >= threshold) {
          labels[i] = (byte) edemaLabel;
        }
      }
      return LabelVolume.wrap(grid, labels);
    }
  }
}
