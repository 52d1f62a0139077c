package io.github.bratsensemble.fusionator.evaluation;

import java.util.List;

/**
 * The BraTS 2023 lesion-wise scores of one region: the mean of the per-lesion Dice and HD95 over the
 * counted ground-truth lesions plus the false-positive prediction components, each false positive
 * scoring Dice 0 and HD95 {@link LesionWiseEvaluator#MISSED_LESION_HD95_MM}.
 *
 * @param dice the lesion-wise Dice; 1 when there is no counted lesion and no false positive
 * @param hd95Mm the lesion-wise HD95 in mm; 0 when there is no counted lesion and no false positive
 * @param truePositives counted ground-truth lesions that a prediction component reaches
 * @param falseNegatives counted ground-truth lesions that no prediction component reaches
 * @param falsePositives prediction components that reach no ground-truth lesion, of any size
 * @param lesions every ground-truth lesion after merging, counted or not, in label order
 */
public record LesionWiseScores(
    double dice,
    double hd95Mm,
    int truePositives,
    int falseNegatives,
    int falsePositives,
    List<Lesion> lesions) {

  public LesionWiseScores {
    lesions = List.copyOf(lesions);
  }

  /**
   * One ground-truth lesion after merging.
   *
   * @param volumeMm3 its volume in mm³
   * @param counted whether its volume exceeds the threshold, so that it enters the scores
   * @param matchedComponents the number of prediction components that reach it
   * @param dice Dice of the lesion against the union of those components
   * @param hd95Mm HD95 of the lesion against that union, or the missed-lesion value when there is none
   */
  public record Lesion(double volumeMm3, boolean counted, int matchedComponents, double dice, double hd95Mm) {}
}
