package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesion-wise Dice and HD95 of one region, as the BraTS 2023 glioma (BraTS-GLI) evaluation defines
 * them. Facts checked against the published evaluation code (rachitsaluja/BraTS-2023-Metrics,
 * {@code eval.py} and {@code brats_2023_metrics/surface_distance/brats_metrics.py}):
 *
 * <ol>
 *   <li>Ground-truth and prediction masks are split into 26-connected components.
 *   <li>The ground truth is dilated with the 18-connected structuring element ({@code
 *       generate_binary_structure(3, 2)}) for 3 iterations (BraTS-GLI; 1 for BraTS-MEN and MET). The
 *       ground-truth voxels that fall in one 26-connected component of the dilated mask form one
 *       lesion, so nearby lesions merge; the lesion keeps only its original voxels.
 *   <li>Each lesion is dilated on its own the same way. Every prediction component that touches
 *       that dilation matches the lesion, and the lesion's Dice and HD95 are computed against the
 *       union of its matched components (whole components, also their parts outside the dilation).
 *       A lesion with no match scores Dice 0 and HD95 374 mm.
 *   <li>Lesions whose volume (voxel count times the voxel volume in mm³) is 50 or less are left
 *       out of the scores; they still turn the components that touch them into matches.
 *   <li>Prediction components that match no lesion are false positives and each adds Dice 0 and
 *       HD95 374 mm: lesion-wise Dice = sum of counted lesions' Dice / (counted lesions + false
 *       positives), and the same for HD95. With nothing to count the scores are Dice 1 and HD95 0.
 * </ol>
 *
 * <p>NOTE: the published code computes each HD95 with DeepMind's surface-distance package (surface
 * elements weighted by area, maximum of the two directed 95th percentiles). This class uses the same
 * surface-voxel HD95 as the whole-region metric ({@link SurfaceDistances#hd95}), so per-lesion HD95
 * values can differ from the published script by a fraction of a voxel; the Dice scores and the
 * lesion and component bookkeeping are the same.
 *
 * <p>Immutable and thread-safe.
 */
public final class LesionWiseEvaluator {
  /** HD95 in mm that the BraTS 2023 evaluation gives a missed lesion or a false positive. */
  public static final double MISSED_LESION_HD95_MM = 374;

  /** The BraTS-GLI parameters: 3 dilation iterations, lesions of 50 mm³ or less left out. */
  public static final LesionWiseEvaluator BRATS_GLI = new LesionWiseEvaluator(3, 50);

  private final int dilationIterations;
  private final double volumeThresholdMm3;

  /**
   * Creates an evaluator.
   *
   * @param dilationIterations iterations of the 18-connected dilation, 0 or more
   * @param volumeThresholdMm3 lesions with a volume at or below this are left out of the scores
   */
  public LesionWiseEvaluator(int dilationIterations, double volumeThresholdMm3) {
    if (dilationIterations < 0) {
      throw new IllegalArgumentException("dilation iterations must be 0 or more but was " + dilationIterations);
    }
    this.dilationIterations = dilationIterations;
    this.volumeThresholdMm3 = volumeThresholdMm3;
  }

  public int dilationIterations() {
    return dilationIterations;
  }

  /**
   * Scores two box masks. The box must extend at least {@link #dilationIterations()} voxels beyond
   * every foreground voxel wherever it does not end at the grid boundary.
   */
  LesionWiseScores evaluate(boolean[] truth, boolean[] prediction, Dimensions box, double[] spacingMm) {
    double voxelMm3 = spacingMm[0] * spacingMm[1] * spacingMm[2];
    boolean[] dilatedTruth = BoxMorphology.dilate18(truth, box, dilationIterations);
    int[] lesionOf = BoxMorphology.components26(dilatedTruth, box);
    int lesionCount = max(lesionOf);
    int[] componentOf = BoxMorphology.components26(prediction, box);
    int componentCount = max(componentOf);
    boolean[] componentMatched = new boolean[componentCount + 1];

    // Bounding boxes of every lesion (its truth voxels only) and every prediction component, so
    // that each lesion is scored inside a small box instead of the whole crop.
    SubBox[] lesionBoxes = boxes(lesionCount, lesionOf, truth, box);
    SubBox[] componentBoxes = boxes(componentCount, componentOf, null, box);

    List<LesionWiseScores.Lesion> lesions = new ArrayList<>();
    for (int lesion = 1; lesion <= lesionCount; lesion++) {
      int lesionLabel = lesion;
      // Components reaching the lesion's own dilation match it. The dilation stays within the
      // lesion's box widened by the iteration count.
      SubBox reachBox = lesionBoxes[lesion].expanded(dilationIterations, box);
      boolean[] lesionMask = extract(reachBox, box, i -> truth[i] && lesionOf[i] == lesionLabel);
      int lesionVoxels = BoxMorphology.count(lesionMask);
      boolean[] reach = BoxMorphology.dilate18(lesionMask, reachBox.dimensions(), dilationIterations);
      boolean[] matches = new boolean[componentCount + 1];
      int matchCount = 0;
      for (int k = 0; k < reach.length; k++) {
        int component = componentOf[reachBox.outerIndex(k, box)];
        if (reach[k] && component != 0 && !matches[component]) {
          matches[component] = true;
          componentMatched[component] = true;
          matchCount++;
        }
      }

      double volumeMm3 = lesionVoxels * voxelMm3;
      boolean counted = volumeMm3 > volumeThresholdMm3;
      if (matchCount == 0) {
        lesions.add(new LesionWiseScores.Lesion(volumeMm3, counted, 0, 0, MISSED_LESION_HD95_MM));
        continue;
      }

      // Dice and HD95 against the union of the matched components, inside a box around both.
      SubBox scoreBox = new SubBox();
      scoreBox.include(lesionBoxes[lesion]);
      for (int component = 1; component <= componentCount; component++) {
        if (matches[component]) {
          scoreBox.include(componentBoxes[component]);
        }
      }
      scoreBox = scoreBox.expanded(1, box);
      boolean[] lesionInScoreBox = extract(scoreBox, box, i -> truth[i] && lesionOf[i] == lesionLabel);
      boolean[] matched = extract(scoreBox, box, i -> matches[componentOf[i]] && componentOf[i] != 0);
      int matchedVoxels = BoxMorphology.count(matched);
      int overlap = 0;
      for (int k = 0; k < matched.length; k++) {
        if (matched[k] && lesionInScoreBox[k]) {
          overlap++;
        }
      }
      double dice = 2.0 * overlap / (lesionVoxels + matchedVoxels);
      double hd95 = SurfaceDistances.of(lesionInScoreBox, matched, scoreBox.dimensions(), spacingMm).hd95();
      lesions.add(new LesionWiseScores.Lesion(volumeMm3, counted, matchCount, dice, hd95));
    }

    int falsePositives = 0;
    for (int component = 1; component <= componentCount; component++) {
      if (!componentMatched[component]) {
        falsePositives++;
      }
    }
    return summarise(lesions, falsePositives);
  }

  /** Returns the bounding box of each label 1..count of {@code labels}, counting only {@code within} voxels when given. */
  private static SubBox[] boxes(int count, int[] labels, boolean[] within, Dimensions box) {
    SubBox[] boxes = new SubBox[count + 1];
    for (int label = 1; label <= count; label++) {
      boxes[label] = new SubBox();
    }
    int nx = box.nx();
    int ny = box.ny();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && (within == null || within[i])) {
        boxes[labels[i]].include(i % nx, (i / nx) % ny, i / (nx * ny));
      }
    }
    return boxes;
  }

  /** Returns the mask of {@code sub} (a box of {@code outer}) whose voxels satisfy {@code test} at their outer index. */
  private static boolean[] extract(SubBox sub, Dimensions outer, java.util.function.IntPredicate test) {
    boolean[] mask = new boolean[sub.dimensions().voxelCount()];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = test.test(sub.outerIndex(k, outer));
    }
    return mask;
  }

  /** Scores the case where the truth is empty: every prediction component is a false positive. */
  LesionWiseScores evaluateEmptyTruth(boolean[] prediction, Dimensions box) {
    int components = max(BoxMorphology.components26(prediction, box));
    return summarise(List.of(), components);
  }

  private static LesionWiseScores summarise(List<LesionWiseScores.Lesion> lesions, int falsePositives) {
    double diceSum = 0;
    double hd95Sum = falsePositives * MISSED_LESION_HD95_MM;
    int counted = 0;
    int truePositives = 0;
    int falseNegatives = 0;
    for (LesionWiseScores.Lesion lesion : lesions) {
      if (!lesion.counted()) {
        continue;
      }
      counted++;
      diceSum += lesion.dice();
      hd95Sum += lesion.hd95Mm();
      if (lesion.matchedComponents() > 0) {
        truePositives++;
      } else {
        falseNegatives++;
      }
    }
    int denominator = counted + falsePositives;
    if (denominator == 0) {
      return new LesionWiseScores(1, 0, 0, 0, 0, lesions);
    }
    return new LesionWiseScores(diceSum / denominator, hd95Sum / denominator, truePositives, falseNegatives,
        falsePositives, lesions);
  }

  private static int max(int[] values) {
    int max = 0;
    for (int value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
