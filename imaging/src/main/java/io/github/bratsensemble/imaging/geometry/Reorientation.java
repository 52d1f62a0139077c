package io.github.bratsensemble.imaging.geometry;

/**
 * An exact reorientation of a grid by permuting and flipping voxel axes, with no interpolation.
 * The world position of every voxel is unchanged; only the storage order changes.
 *
 * <p>Create one with {@link #of(Grid, String)}, then apply it to any voxel array of the source
 * grid. Instances are immutable and thread-safe.
 */
public final class Reorientation {
  private final Grid source;
  private final Grid target;
  /** For each target axis, the source axis it reads. */
  private final int[] sourceAxis;
  /** For each target axis, whether the source axis is traversed backwards. */
  private final boolean[] flipped;

  private Reorientation(Grid source, Grid target, int[] sourceAxis, boolean[] flipped) {
    this.source = source;
    this.target = target;
    this.sourceAxis = sourceAxis;
    this.flipped = flipped;
  }

  /** Plans the reorientation of {@code source} to the orientation {@code code}, e.g. "RAS". */
  public static Reorientation of(Grid source, String code) {
    int[] have = Orientation.signedWorldAxes(source.affine());
    int[] want = Orientation.parse(code);
    int[] sourceAxis = new int[3];
    boolean[] flipped = new boolean[3];
    int[] targetDims = new int[3];
    for (int t = 0; t < 3; t++) {
      for (int s = 0; s < 3; s++) {
        if (Math.abs(have[s]) == Math.abs(want[t])) {
          sourceAxis[t] = s;
          flipped[t] = Integer.signum(have[s]) != Integer.signum(want[t]);
          targetDims[t] = source.dimensions().size(s);
        }
      }
    }

    // Target index t maps to source index: i_s = flipped ? n_s - 1 - i_t : i_t. As an affine from
    // target indices to source indices, this is a signed permutation matrix plus an offset.
    double[] rows = new double[12];
    for (int t = 0; t < 3; t++) {
      int s = sourceAxis[t];
      rows[s * 4 + t] = flipped[t] ? -1 : 1;
      if (flipped[t]) {
        rows[s * 4 + 3] = source.dimensions().size(s) - 1;
      }
    }
    Affine targetToSource = Affine.ofRows(rows);
    Grid target = new Grid(
        new Dimensions(targetDims[0], targetDims[1], targetDims[2]),
        source.affine().compose(targetToSource));
    return new Reorientation(source, target, sourceAxis, flipped);
  }

  public Grid source() {
    return source;
  }

  public Grid target() {
    return target;
  }

  /** Returns whether this reorientation leaves the storage order unchanged. */
  public boolean isIdentity() {
    for (int t = 0; t < 3; t++) {
      if (sourceAxis[t] != t || flipped[t]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns, for each target voxel index, the source voxel index it takes its value from.
   * Inverting the mapping undoes the reorientation.
   */
  public int[] sourceIndexOfTarget() {
    Dimensions sd = source.dimensions();
    Dimensions td = target.dimensions();
    int[] sourceStride = {1, sd.nx(), sd.nx() * sd.ny()};
    int[] stride = new int[3];
    int[] start = new int[3];
    for (int t = 0; t < 3; t++) {
      int s = sourceAxis[t];
      stride[t] = flipped[t] ? -sourceStride[s] : sourceStride[s];
      start[t] = flipped[t] ? (sd.size(s) - 1) * sourceStride[s] : 0;
    }
    int[] map = new int[td.voxelCount()];
    int i = 0;
    for (int z = 0; z < td.nz(); z++) {
      int offZ = start[0] + start[1] + start[2] + z * stride[2];
      for (int y = 0; y < td.ny(); y++) {
        int offY = offZ + y * stride[1];
        for (int x = 0; x < td.nx(); x++) {
          map[i++] = offY + x * stride[0];
        }
      }
    }
    return map;
  }

  public byte[] apply(byte[] sourceVoxels) {
    int[] map = sourceIndexOfTarget();
    byte[] out = new byte[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = sourceVoxels[map[i]];
    }
    return out;
  }

  public float[] apply(float[] sourceVoxels) {
    int[] map = sourceIndexOfTarget();
    float[] out = new float[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = sourceVoxels[map[i]];
    }
    return out;
  }

  /** Returns the reorientation that maps the target grid back to the source grid. */
  public Reorientation inverse() {
    return of(target, source.orientationCode());
  }
}
