package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/** Builds small synthetic label maps for the evaluation tests. */
final class Volumes {
  private final Grid grid;
  private final byte[] labels;

  private Volumes(Grid grid) {
    this.grid = grid;
    this.labels = new byte[grid.voxelCount()];
  }

  static Volumes grid(int nx, int ny, int nz, double sx, double sy, double sz) {
    return new Volumes(new Grid(new Dimensions(nx, ny, nz), Affine.ofRows(sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0)));
  }

  /** Sets the inclusive box x0..x1, y0..y1, z0..z1 to {@code label}. */
  Volumes box(int x0, int x1, int y0, int y1, int z0, int z1, int label) {
    for (int z = z0; z <= z1; z++) {
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          labels[grid.dimensions().index(x, y, z)] = (byte) label;
        }
      }
    }
    return this;
  }

  LabelVolume build() {
    return LabelVolume.copyOf(grid, labels);
  }
}
