package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.fusionator.labels.Region;

/**
 * The BraTS metrics of one tumour region of a prediction against the ground truth.
 *
 * @param region the region (WT, TC or ET)
 * @param dice the Dice coefficient; 1 when both masks are empty
 * @param hd95Mm the 95th-percentile Hausdorff distance in mm; 0 when both masks are empty and
 *     {@link BratsEvaluator#EMPTY_MASK_HD95_MM} when exactly one is
 * @param surfaceDice the normalised surface Dice at {@link BratsEvaluator#SURFACE_DICE_TOLERANCE_MM};
 *     1 when both masks are empty, 0 when exactly one is
 * @param sensitivity true positives over truth voxels; 1 when both masks are empty, 0 when only the
 *     truth is empty
 * @param specificity true negatives over truth background voxels
 * @param truthVolumeMl the truth region's volume in mL
 * @param predictionVolumeMl the prediction region's volume in mL
 * @param lesionWise the BraTS 2023 lesion-wise scores of the region
 */
public record RegionMetrics(
    Region region,
    double dice,
    double hd95Mm,
    double surfaceDice,
    double sensitivity,
    double specificity,
    double truthVolumeMl,
    double predictionVolumeMl,
    LesionWiseScores lesionWise) {

  /** Returns the prediction's volume minus the truth's, in mL. */
  public double volumeDifferenceMl() {
    return predictionVolumeMl - truthVolumeMl;
  }
}
