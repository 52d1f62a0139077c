package io.github.bratsensemble.imaging.morphology;

/** Voxel neighbourhoods in 3-D: faces only (6) or faces, edges and corners (26). */
public enum Connectivity {
  /** Neighbours that share a face. */
  FACE_6(6),
  /** Neighbours that share a face, an edge or a corner. */
  FULL_26(26);

  private final int neighbourCount;
  private final int[][] offsets;

  Connectivity(int neighbourCount) {
    this.neighbourCount = neighbourCount;
    this.offsets = new int[neighbourCount][];
    int k = 0;
    for (int dz = -1; dz <= 1; dz++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
          if (manhattan == 0 || (neighbourCount == 6 && manhattan != 1)) {
            continue;
          }
          offsets[k++] = new int[] {dx, dy, dz};
        }
      }
    }
  }

  public int neighbourCount() {
    return neighbourCount;
  }

  /** Returns the (dx, dy, dz) offsets of the neighbours (a copy). */
  public int[][] offsets() {
    int[][] copy = new int[offsets.length][];
    for (int i = 0; i < offsets.length; i++) {
      copy[i] = offsets[i].clone();
    }
    return copy;
  }

  int[][] sharedOffsets() {
    return offsets;
  }
}
