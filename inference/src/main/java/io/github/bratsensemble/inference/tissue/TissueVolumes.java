package io.github.bratsensemble.inference.tissue;

import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Grey and white matter volumes of a tissue map from {@link TissueSegmenter}.
 *
 * @param greyMl grey matter volume in millilitres
 * @param whiteMl white matter volume in millilitres
 */
public record TissueVolumes(double greyMl, double whiteMl) {
  /** Measures the tissue map in its grid's voxel volume. */
  public static TissueVolumes of(LabelVolume tissue) {
    long[] counts = tissue.histogram();
    double voxelMl = tissue.grid().voxelVolumeMl();
    return new TissueVolumes(counts[TissueSegmenter.GREY_MATTER] * voxelMl, counts[TissueSegmenter.WHITE_MATTER] * voxelMl);
  }
}
