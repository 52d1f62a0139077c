package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.ArrayList;
import java.util.List;

/** Small synthetic inputs: each row of labels is one input on an n x 1 x 1 grid of 1 mm voxels. */
public final class TestInputs {
  public static final Grid ROW_GRID_4 = new Grid(new Dimensions(4, 1, 1), Affine.identity());

  private TestInputs() {}

  /** Returns a grid of n x 1 x 1 voxels of 1 mm. */
  public static Grid rowGrid(int n) {
    return new Grid(new Dimensions(n, 1, 1), Affine.identity());
  }

  /** Returns one BraTS 2021 input per row, named in1, in2, ... */
  public static List<FusionInput> rows(int[]... rows) {
    return rows(LabelConvention.BRATS2021, rows);
  }

  /** Returns one input per row in {@code convention}, named in1, in2, ... */
  public static List<FusionInput> rows(LabelConvention convention, int[]... rows) {
    List<FusionInput> inputs = new ArrayList<>();
    for (int r = 0; r < rows.length; r++) {
      inputs.add(new FusionInput("in" + (r + 1), volume(rowGrid(rows[r].length), rows[r]), convention));
    }
    return inputs;
  }

  public static LabelVolume volume(Grid grid, int... labels) {
    byte[] bytes = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      bytes[i] = (byte) labels[i];
    }
    return LabelVolume.wrap(grid, bytes);
  }

  /** Returns the labels of a volume as ints. */
  public static int[] labels(LabelVolume volume) {
    int[] labels = new int[volume.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = volume.label(i);
    }
    return labels;
  }

  /** Returns {@code labels(Fusion.fuse(inputs, options).fused())}. */
  public static int[] fuse(List<FusionInput> inputs, FusionOptions options) {
    return labels(Fusion.fuse(inputs, options).fused());
  }
}
