package io.github.bratsensemble.inference.window;

import java.util.ArrayList;
import java.util.List;

/** Patch start positions along one axis. */
public final class TilePlan {
  private TilePlan() {}

  /**
   * Returns the start of every patch along an axis of {@code size} voxels: 0, then steps of
   * {@code max(1, floor(patch * (1 - overlap)))}, and a last patch aligned to the far border so the
   * axis is covered exactly. An axis no longer than the patch gets one patch at 0 (the volume is
   * padded with zeros up to the patch size).
   */
  public static int[] starts(int size, int patch, double overlap) {
    if (size <= patch) {
      return new int[] {0};
    }
    int step = Math.max(1, (int) Math.floor(patch * (1 - overlap)));
    List<Integer> starts = new ArrayList<>();
    int last = size - patch;
    for (int start = 0; start < last; start += step) {
      starts.add(start);
    }
    starts.add(last);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
