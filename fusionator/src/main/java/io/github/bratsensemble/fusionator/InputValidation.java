package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.LabelConversion;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import java.util.List;

/** Checks that a set of inputs can be fused: shared grid, labels inside each input's convention. */
final class InputValidation {
  private InputValidation() {}

  /**
   * Checks the input count, the weight count, the grids against the reference input, and that
   * every input's convention converts to the output convention.
   *
   * @throws IllegalArgumentException naming the input(s) and the offending values
   */
  static void check(List<FusionInput> inputs, FusionOptions options) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input label map is required");
    }
    if (options.referenceIndex() >= inputs.size()) {
      throw new IllegalArgumentException("reference input " + (options.referenceIndex() + 1)
          + " does not exist: there are " + inputs.size() + " inputs");
    }
    double[] weights = options.weights();
    if (weights != null && weights.length != inputs.size()) {
      throw new IllegalArgumentException("got " + weights.length + " weights for " + inputs.size()
          + " inputs; give one weight per input");
    }

    FusionInput reference = inputs.get(options.referenceIndex());
    Grid referenceGrid = reference.labels().grid();
    for (FusionInput input : inputs) {
      String difference = referenceGrid.describeDifference(input.labels().grid(), Grid.DEFAULT_TOLERANCE_MM);
      if (!difference.isEmpty()) {
        throw new IllegalArgumentException("inputs " + reference.name() + " and " + input.name()
            + " are on different grids: " + difference);
      }
      if (!LabelConversion.isSupported(input.convention(), options.convention())) {
        throw new IllegalArgumentException(input.name() + ": cannot convert labels from "
            + input.convention().name() + " to " + options.convention().name()
            + "; only brats2021 and brats2023 convert into each other");
      }
    }

  }

  /**
   * Checks that every voxel carries background or a label of its input's convention. Background
   * is always valid, so only the stack's active voxels are read.
   *
   * @param stack the unconverted inputs
   */
  static void checkLabels(List<FusionInput> inputs, LabelStack stack) {
    int[] voxelIndices = stack.voxelIndices();
    for (int i = 0; i < inputs.size(); i++) {
      FusionInput input = inputs.get(i);
      LabelConvention convention = input.convention();
      boolean[] allowed = new boolean[256];
      for (int label = 0; label < 256; label++) {
        allowed[label] = convention.allows(label);
      }
      byte[] labels = stack.labels(i);
      for (int k = 0; k < labels.length; k++) {
        int label = labels[k] & 0xFF;
        if (!allowed[label]) {
          Dimensions dims = input.labels().grid().dimensions();
          int v = voxelIndices[k];
          int x = v % dims.nx();
          int y = (v / dims.nx()) % dims.ny();
          int z = v / (dims.nx() * dims.ny());
          throw new IllegalArgumentException(input.name() + ": label " + label + " at voxel (" + x + ", " + y
              + ", " + z + ") is not in label convention " + convention.name() + " (labels "
              + convention.describeLabels() + ")");
        }
      }
    }
  }
}
