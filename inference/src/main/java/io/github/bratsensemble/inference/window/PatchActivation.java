package io.github.bratsensemble.inference.window;

/** The function applied to each patch's raw model output, per voxel, before blending. */
public enum PatchActivation {
  /** The raw output (logits) is blended as is. */
  NONE,
  /** Softmax across the output channels. */
  SOFTMAX,
  /** Logistic sigmoid of each output channel. */
  SIGMOID
}
