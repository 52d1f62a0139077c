package io.github.bratsensemble.inference.window;

import java.util.Arrays;

/**
 * Sliding-window parameters. Sizes and axes use the volume's voxel axes: 0 = x (fastest in
 * memory), 1 = y, 2 = z. The model sees a patch as a tensor {@code [N, C, z, y, x]}.
 *
 * @param patchSize patch size per axis (x, y, z), or {@code null} for whole-volume inference
 *     (the model's fixed input size when it declares one, otherwise the volume's size)
 * @param overlap fraction of a patch shared with its neighbour, in [0, 1); 0.5 by default
 * @param blending weights of overlapping predictions
 * @param batchSize patches per model call, at least 1
 * @param mirrorAxes axes to mirror for test-time augmentation; every subset of them is run and
 *     the predictions are averaged (2^k runs for k axes)
 */
public record WindowSettings(int[] patchSize, double overlap, Blending blending, int batchSize, int[] mirrorAxes) {

  public WindowSettings {
    if (patchSize != null) {
      if (patchSize.length != 3) {
        throw new IllegalArgumentException("patch size needs 3 values (x, y, z) but got " + Arrays.toString(patchSize));
      }
      for (int p : patchSize) {
        if (p < 1) {
          throw new IllegalArgumentException("patch size must be positive but was " + Arrays.toString(patchSize));
        }
      }
      patchSize = patchSize.clone();
    }
    if (!(overlap >= 0 && overlap < 1)) {
      throw new IllegalArgumentException("overlap must be in [0, 1) but was " + overlap);
    }
    if (blending == null) {
      throw new IllegalArgumentException("blending is required");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1 but was " + batchSize);
    }
    mirrorAxes = mirrorAxes == null ? new int[0] : mirrorAxes.clone();
    boolean[] seen = new boolean[3];
    for (int axis : mirrorAxes) {
      if (axis < 0 || axis > 2 || seen[axis]) {
        throw new IllegalArgumentException("mirror axes must be distinct values of 0, 1, 2 but were " + Arrays.toString(mirrorAxes));
      }
      seen[axis] = true;
    }
  }

  /** Returns whole-volume inference without mirroring. */
  public static WindowSettings wholeVolume() {
    return new WindowSettings(null, 0.5, Blending.CONSTANT, 1, new int[0]);
  }

  /** Returns cubic patches with overlap 0.5, Gaussian blending, batch size 1 and no mirroring. */
  public static WindowSettings patches(int size) {
    return new WindowSettings(new int[] {size, size, size}, 0.5, Blending.GAUSSIAN, 1, new int[0]);
  }

  public WindowSettings withMirrorAxes(int... axes) {
    return new WindowSettings(patchSize, overlap, blending, batchSize, axes);
  }

  public WindowSettings withBatchSize(int size) {
    return new WindowSettings(patchSize, overlap, blending, size, mirrorAxes);
  }

  public WindowSettings withBlending(Blending newBlending) {
    return new WindowSettings(patchSize, overlap, newBlending, batchSize, mirrorAxes);
  }

  public WindowSettings withOverlap(double newOverlap) {
    return new WindowSettings(patchSize, newOverlap, blending, batchSize, mirrorAxes);
  }

  public boolean isWholeVolume() {
    return patchSize == null;
  }

  @Override
  public int[] patchSize() {
    return patchSize == null ? null : patchSize.clone();
  }

  @Override
  public int[] mirrorAxes() {
    return mirrorAxes.clone();
  }
}
