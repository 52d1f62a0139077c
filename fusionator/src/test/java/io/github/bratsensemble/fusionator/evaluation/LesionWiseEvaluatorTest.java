package io.github.bratsensemble.fusionator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class LesionWiseEvaluatorTest {
  private static final double EPS = 1e-12;
  private final BratsEvaluator evaluator = new BratsEvaluator(LabelConvention.BRATS2023);

  private LesionWiseScores wholeTumour(LabelVolume truth, LabelVolume prediction) {
    return evaluator.evaluate(truth, prediction).get(Region.WT).lesionWise();
  }

  @Test
  void gapOfSixMergesLesions() {
    // Two 64-voxel cubes with 6 background voxels between them: their 3-iteration dilations touch,
    // so they form one 128-voxel lesion, matched by a prediction of the first cube only.
    LabelVolume truth = Volumes.grid(40, 10, 10, 1, 1, 1)
        .box(2, 5, 2, 5, 2, 5, 2).box(12, 15, 2, 5, 2, 5, 2).build();
    LabelVolume prediction = Volumes.grid(40, 10, 10, 1, 1, 1).box(2, 5, 2, 5, 2, 5, 2).build();

    LesionWiseScores scores = wholeTumour(truth, prediction);

    assertEquals(1, scores.lesions().size());
    assertEquals(128.0, scores.lesions().get(0).volumeMm3());
    assertEquals(2.0 * 64 / (128 + 64), scores.dice(), EPS);
    assertEquals(1, scores.truePositives());
    assertEquals(0, scores.falseNegatives());
    assertEquals(0, scores.falsePositives());
  }

  @Test
  void gapOfSevenKeepsLesionsApart() {
    // Seven background voxels: the dilations stay one voxel apart, so the second cube is a
    // separate, missed lesion scoring Dice 0 and HD95 374 mm.
    LabelVolume truth = Volumes.grid(40, 10, 10, 1, 1, 1)
        .box(2, 5, 2, 5, 2, 5, 2).box(13, 16, 2, 5, 2, 5, 2).build();
    LabelVolume prediction = Volumes.grid(40, 10, 10, 1, 1, 1).box(2, 5, 2, 5, 2, 5, 2).build();

    LesionWiseScores scores = wholeTumour(truth, prediction);

    assertEquals(2, scores.lesions().size());
    assertEquals(0.5, scores.dice(), EPS);
    assertEquals(187.0, scores.hd95Mm(), EPS);
    assertEquals(1, scores.truePositives());
    assertEquals(1, scores.falseNegatives());
  }

  @Test
  void smallLesionIgnoredFalsePositiveCounted() {
    // Lesion A (64 voxels) found exactly; lesion C (27 voxels, at most 50) found but left out of the
    // scores; one 8-voxel prediction far from both is a false positive: (1 + 0) / 2 and (0 + 374) / 2.
    LabelVolume truth = Volumes.grid(40, 20, 10, 1, 1, 1)
        .box(2, 5, 2, 5, 2, 5, 2).box(20, 22, 2, 4, 2, 4, 2).build();
    LabelVolume prediction = Volumes.grid(40, 20, 10, 1, 1, 1)
        .box(2, 5, 2, 5, 2, 5, 2).box(20, 22, 2, 4, 2, 4, 2).box(34, 35, 14, 15, 2, 3, 2).build();

    LesionWiseScores scores = wholeTumour(truth, prediction);

    assertEquals(2, scores.lesions().size());
    assertEquals(0.5, scores.dice(), EPS);
    assertEquals(187.0, scores.hd95Mm(), EPS);
    assertEquals(1, scores.truePositives());
    assertEquals(0, scores.falseNegatives());
    assertEquals(1, scores.falsePositives());
  }

  @Test
  void nearbyComponentMatchesWithoutOverlap() {
    // A prediction 2 voxels beside the lesion touches its dilation: a match with Dice 0, not a false
    // positive. The surfaces are 3 mm apart along x, so the faces facing each other dominate.
    LabelVolume truth = Volumes.grid(30, 10, 10, 1, 1, 1).box(2, 5, 2, 5, 2, 5, 2).build();
    LabelVolume prediction = Volumes.grid(30, 10, 10, 1, 1, 1).box(8, 11, 2, 5, 2, 5, 2).build();

    LesionWiseScores scores = wholeTumour(truth, prediction);

    assertEquals(0.0, scores.dice(), EPS);
    assertEquals(1, scores.truePositives());
    assertEquals(0, scores.falsePositives());
    assertEquals(evaluator.evaluate(truth, prediction).get(Region.WT).hd95Mm(), scores.hd95Mm(), EPS);
  }

  @Test
  void twoComponentsMatchOneLesion() {
    // Both halves of a split prediction reach the lesion, so their union is scored: Dice 1, HD95 0,
    // while the whole-region metrics see the same union.
    LabelVolume truth = Volumes.grid(20, 10, 10, 1, 1, 1).box(2, 9, 2, 5, 2, 5, 2).build();
    LabelVolume prediction = Volumes.grid(20, 10, 10, 1, 1, 1)
        .box(2, 4, 2, 5, 2, 5, 2).box(6, 9, 2, 5, 2, 5, 2).build();

    LesionWiseScores scores = wholeTumour(truth, prediction);

    assertEquals(1, scores.lesions().size());
    assertEquals(2, scores.lesions().get(0).matchedComponents());
    assertEquals(2.0 * 112 / (128 + 112), scores.dice(), EPS);
    assertEquals(0, scores.falsePositives());
  }
}
