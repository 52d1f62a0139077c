package io.github.bratsensemble.fusionator.agreement;

import io.github.bratsensemble.fusionator.FusionResult;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.imaging.volume.FloatVolume;

/**
 * Voxel-wise agreement maps on the output grid, unweighted: every input counts once.
 *
 * <ul>
 *   <li>agreement: the fraction of inputs whose label equals the consensus label (1 where all
 *       inputs and the consensus are background).
 *   <li>entropy: the vote entropy {@code -Σ p_c ln p_c / ln C}, where p_c is the fraction of inputs
 *       voting class c and C the number of classes of the convention (background included), so 0
 *       means unanimous and 1 would be an even split over all classes.
 * </ul>
 */
public final class AgreementMaps {
  private AgreementMaps() {}

  /** Returns the fraction of inputs agreeing with the consensus at every voxel. */
  public static FloatVolume agreement(FusionResult result) {
    LabelStack stack = result.stack();
    int inputs = stack.inputCount();
    int inactiveLabel = result.activeLabels().inactiveLabel();
    float[] map = new float[stack.voxelCount()];
    java.util.Arrays.fill(map, inactiveLabel == 0 ? 1f : 0f);
    int[] voxelIndices = stack.voxelIndices();
    byte[] consensus = result.activeLabels().activeLabels();
    for (int k = 0; k < voxelIndices.length; k++) {
      int agreeing = 0;
      for (int i = 0; i < inputs; i++) {
        if (stack.labels(i)[k] == consensus[k]) {
          agreeing++;
        }
      }
      map[voxelIndices[k]] = (float) agreeing / inputs;
    }
    return FloatVolume.wrap(stack.grid(), map);
  }

  /** Returns the normalised vote entropy at every voxel. */
  public static FloatVolume entropy(FusionResult result) {
    LabelStack stack = result.stack();
    LabelConvention convention = result.options().convention();
    int inputs = stack.inputCount();
    int classes = convention.classCount();
    double normaliser = Math.log(classes);
    float[] map = new float[stack.voxelCount()];
    int[] voxelIndices = stack.voxelIndices();
    int[] counts = new int[classes];
    for (int k = 0; k < voxelIndices.length; k++) {
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < inputs; i++) {
        counts[convention.classOf(stack.labels(i)[k] & 0xFF)]++;
      }
      double entropy = 0;
      for (int count : counts) {
        if (count > 0) {
          double p = (double) count / inputs;
          entropy -= p * Math.log(p);
        }
      }
      map[voxelIndices[k]] = (float) (entropy / normaliser);
    }
    return FloatVolume.wrap(stack.grid(), map);
  }
}
