package io.github.bratsensemble.fusionator.labels;

/**
 * A fused label map stored like a {@link LabelStack}: one label per active voxel plus the single
 * label that every inactive voxel receives (background for every method except in the STAPLE
 * corner case where inputs that all say background are still estimated as foreground).
 */
public record FusedLabels(byte[] activeLabels, int inactiveLabel) {

  /** Returns the label of active voxel {@code k}, 0..255. */
  public int label(int k) {
    return activeLabels[k] & 0xFF;
  }
}
