package io.github.bratsensemble.fusionator.btk;

import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.voting.Weights;

/**
 * The majority vote of BraTS Toolkit 1.x ({@code Fusionator.fuse(method="mav")} with default
 * arguments), reproduced with its quirks for users who must match earlier results voxel for voxel.
 *
 * <p>The labels are the union of the labels found in the inputs, minus 0. For each label in
 * descending order, its votes are the sum of the weights of the inputs carrying it (in input order,
 * double precision); a voxel gets the label when {@code votes >= (sum of weights) / 2}, and a later,
 * lower label overwrites an earlier one. So with two inputs labelling a voxel 1 and 2 the voxel becomes 1,
 * and a voxel that half the inputs label background still receives a label. Thread-safe (stateless).
 */
public final class BtkMav {
  private BtkMav() {}

  /** Fuses the stack; see the class comment. */
  public static FusedLabels fuse(LabelStack stack, double[] weights) {
    Weights.check(weights, stack.inputCount());
    int[] labels = stack.foregroundLabelsPresent();
    int inputs = stack.inputCount();
    int activeCount = stack.activeCount();
    double half = Weights.sum(weights, null) / 2.0;
    byte[] result = new byte[activeCount];
    double[] votes = new double[activeCount];
    for (int l = labels.length - 1; l >= 0; l--) {
      byte label = (byte) labels[l];
      java.util.Arrays.fill(votes, 0.0);
      for (int i = 0; i < inputs; i++) {
        byte[] input = stack.labels(i);
        double weight = weights[i];
        for (int k = 0; k < activeCount; k++) {
          if (input[k] == label) {
            votes[k] += weight;
          }
        }
      }
      for (int k = 0; k < activeCount; k++) {
        if (votes[k] >= half) {
          result[k] = label;
        }
      }
    }
    return new FusedLabels(result, 0);
  }
}
