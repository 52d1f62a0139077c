package io.github.bratsensemble.segmentor.validation;

import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * A segmentation that passed validation.
 *
 * @param labels the label map in the canonical convention, on the case grid
 * @param allBackground whether every voxel is background
 */
public record ValidatedSegmentation(LabelVolume labels, boolean allBackground) {}
