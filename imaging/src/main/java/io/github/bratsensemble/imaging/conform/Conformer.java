package io.github.bratsensemble.imaging.conform;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Conforms images to FreeSurfer's standard grid and maps results back, as {@code mri_convert
 * --conform} does and as brainchop (through niivue's port of FastSurfer's {@code conform.py})
 * prepares its model inputs.
 *
 * <p>The conformed grid has 256x256x256 voxels of 1 mm stored in LIA order: voxel axis i runs to
 * the subject's left, j inferior and k anterior, so each k slice is a coronal slice. Its direction
 * cosines are fixed, whatever the input orientation; obliquity is resolved by resampling. Its
 * centre follows FreeSurfer's convention: conformed voxel (128, 128, 128) lies at the world position
 * of input voxel (nx/2, ny/2, nz/2), half dimensions rather than the centre voxel.
 *
 * <p>{@link #conformImage} samples trilinearly and {@link #conformLabels} by nearest neighbour;
 * {@link #restoreImage} and {@link #restoreLabels} apply the exact inverse mapping to return to the
 * input grid, the labels with label-aware linear interpolation (the label whose interpolated
 * indicator is largest). Points outside a source grid read 0. Intensities are not changed here;
 * see {@link ConformIntensity}. Instances are immutable and thread-safe.
 */
public final class Conformer {
  /** Voxels per axis of the conformed grid. */
  public static final int SIZE = 256;

  private final Grid source;
  private final Grid target;
  /** Maps conformed voxel indices to source voxel indices. */
  private final Affine targetToSource;

  private Conformer(Grid source, Grid target) {
    this.source = source;
    this.target = target;
    this.targetToSource = source.affine().inverse().compose(target.affine());
  }

  /** Plans the conforming of images on {@code source}. */
  public static Conformer of(Grid source) {
    return new Conformer(source, conformedGrid(source));
  }

  /**
   * Returns the conformed grid for an input grid: 256^3, 1 mm, LIA, centred on the world position
   * of input voxel (nx/2, ny/2, nz/2).
   */
  public static Grid conformedGrid(Grid source) {
    Dimensions d = source.dimensions();
    double[] centre = source.affine().apply(new double[] {d.nx() / 2.0, d.ny() / 2.0, d.nz() / 2.0});
    // Columns: i -> -x (left), j -> -z (inferior), k -> +y (anterior). The linear part applied to
    // (128, 128, 128) is (-128, 128, -128), so the translation is centre - that.
    double half = SIZE / 2.0;
    Affine affine = Affine.ofRows(
        -1, 0, 0, centre[0] + half,
        0, 0, 1, centre[1] - half,
        0, -1, 0, centre[2] + half);
    return new Grid(new Dimensions(SIZE, SIZE, SIZE), affine);
  }

  public Grid source() {
    return source;
  }

  /** Returns the conformed grid. */
  public Grid target() {
    return target;
  }

  /** Resamples an image on the source grid to the conformed grid, trilinearly. */
  public FloatVolume conformImage(FloatVolume image) {
    requireGrid(image.grid(), source, "image to conform");
    return FloatVolume.wrap(target, VoxelSampling.trilinear(
        image.voxelArray(), source.dimensions(), target.dimensions(), targetToSource));
  }

  /** Resamples a label map on the source grid to the conformed grid by nearest neighbour. */
  public LabelVolume conformLabels(LabelVolume labels) {
    requireGrid(labels.grid(), source, "label map to conform");
    return LabelVolume.wrap(target, VoxelSampling.nearest(
        labels.labelArray(), source.dimensions(), target.dimensions(), targetToSource));
  }

  /** Resamples an image on the conformed grid back to the source grid, trilinearly. */
  public FloatVolume restoreImage(FloatVolume conformed) {
    requireGrid(conformed.grid(), target, "conformed image");
    return FloatVolume.wrap(source, VoxelSampling.trilinear(
        conformed.voxelArray(), target.dimensions(), source.dimensions(), targetToSource.inverse()));
  }

  /** Resamples a label map on the conformed grid back to the source grid with label-aware interpolation. */
  public LabelVolume restoreLabels(LabelVolume conformed) {
    requireGrid(conformed.grid(), target, "conformed label map");
    return LabelVolume.wrap(source, VoxelSampling.labelLinear(
        conformed.labelArray(), target.dimensions(), source.dimensions(), targetToSource.inverse()));
  }

  private static void requireGrid(Grid actual, Grid expected, String what) {
    String difference = expected.describeDifference(actual, Grid.DEFAULT_TOLERANCE_MM);
    if (!difference.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " is not on the expected grid: " + difference);
    }
  }
}
