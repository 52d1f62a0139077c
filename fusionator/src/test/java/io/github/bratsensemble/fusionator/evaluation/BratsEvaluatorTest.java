package io.github.bratsensemble.fusionator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BratsEvaluatorTest {
  private static final double EPS = 1e-12;
  private final BratsEvaluator brats2023 = new BratsEvaluator(LabelConvention.BRATS2023);

  @Test
  void cubeAgainstCentreVoxel() {
    // Truth: a 3x3x3 cube of ET; its 26 surface voxels lie 1 (6), sqrt 2 (12) and sqrt 3 (8) mm
    // from the centre voxel, the prediction, which lies 1 mm from the truth surface.
    LabelVolume truth = Volumes.grid(5, 5, 5, 1, 1, 1).box(1, 3, 1, 3, 1, 3, 3).build();
    LabelVolume prediction = Volumes.grid(5, 5, 5, 1, 1, 1).box(2, 2, 2, 2, 2, 2, 3).build();

    RegionMetrics et = brats2023.evaluate(truth, prediction).get(Region.ET);

    assertEquals(2.0 / 28, et.dice(), EPS);
    // 27 pooled distances sorted: 7 x 1, 12 x sqrt 2, 8 x sqrt 3; position 0.95 * 26 = 24.7.
    assertEquals(Math.sqrt(3), et.hd95Mm(), EPS);
    assertEquals(7.0 / 27, et.surfaceDice(), EPS);
    assertEquals(1.0 / 27, et.sensitivity(), EPS);
    assertEquals(1.0, et.specificity(), EPS);
    assertEquals(0.027, et.truthVolumeMl(), EPS);
    assertEquals(0.001, et.predictionVolumeMl(), EPS);
    assertEquals(-0.026, et.volumeDifferenceMl(), EPS);
  }

  @Test
  void percentileInterpolatesAnisotropicLine() {
    // A 20x1x1 grid: every voxel is a surface voxel. Truth x = 0..9, prediction x = 0, 2 mm along x.
    // Pooled distances 0, 0, 2, 4, ..., 18 (11 values); position 0.95 * 10 = 9.5 -> (16 + 18) / 2.
    LabelVolume truth = Volumes.grid(20, 1, 1, 2, 1, 1).box(0, 9, 0, 0, 0, 0, 2).build();
    LabelVolume prediction = Volumes.grid(20, 1, 1, 2, 1, 1).box(0, 0, 0, 0, 0, 0, 2).build();

    RegionMetrics wt = brats2023.evaluate(truth, prediction).get(Region.WT);

    assertEquals(17.0, wt.hd95Mm(), EPS);
    assertEquals(2.0 / 11, wt.surfaceDice(), EPS);
    assertEquals(2.0 / 11, wt.dice(), EPS);
    assertEquals(0.1, wt.sensitivity(), EPS);
    assertEquals(0.020, wt.truthVolumeMl(), EPS);
  }

  @Test
  void parallelPlanesUseSpacing() {
    // Planes x = 1 and x = 3 at 1.5 mm along x: every surface distance is 3 mm.
    LabelVolume truth = Volumes.grid(6, 4, 4, 1.5, 1, 1).box(1, 1, 0, 3, 0, 3, 1).build();
    LabelVolume prediction = Volumes.grid(6, 4, 4, 1.5, 1, 1).box(3, 3, 0, 3, 0, 3, 1).build();

    RegionMetrics tc = brats2023.evaluate(truth, prediction).get(Region.TC);

    assertEquals(3.0, tc.hd95Mm(), EPS);
    assertEquals(0.0, tc.surfaceDice(), EPS);
    assertEquals(0.0, tc.dice(), EPS);
    // 96 voxels: 16 truth, 16 false positives, 64 true negatives.
    assertEquals(64.0 / 80, tc.specificity(), EPS);
  }

  @Test
  void surfaceDiceCountsOneVoxelShift() {
    // A 4-voxel cube shifted by one voxel: every surface voxel is within 1 mm of the other surface.
    LabelVolume truth = Volumes.grid(10, 10, 10, 1, 1, 1).box(2, 5, 2, 5, 2, 5, 3).build();
    LabelVolume prediction = Volumes.grid(10, 10, 10, 1, 1, 1).box(3, 6, 2, 5, 2, 5, 3).build();

    RegionMetrics et = brats2023.evaluate(truth, prediction).get(Region.ET);

    assertEquals(1.0, et.surfaceDice(), EPS);
    assertEquals(1.0, et.hd95Mm(), EPS);
    assertEquals(0.75, et.dice(), EPS);
  }

  @Test
  void bothEmptyGiveDiceOne() {
    LabelVolume empty = Volumes.grid(8, 8, 8, 1, 1, 1).build();

    Map<Region, RegionMetrics> metrics = brats2023.evaluate(empty, empty);

    for (Region region : Region.values()) {
      RegionMetrics m = metrics.get(region);
      assertEquals(1.0, m.dice(), region.name());
      assertEquals(0.0, m.hd95Mm(), region.name());
      assertEquals(1.0, m.surfaceDice(), region.name());
      assertEquals(1.0, m.sensitivity(), region.name());
      assertEquals(1.0, m.lesionWise().dice(), region.name());
      assertEquals(0.0, m.lesionWise().hd95Mm(), region.name());
    }
  }

  @Test
  void oneEmptyGivesGridDiagonal() {
    LabelVolume truth = Volumes.grid(12, 12, 12, 1, 1, 1).box(2, 5, 2, 5, 2, 5, 2).build();
    LabelVolume empty = Volumes.grid(12, 12, 12, 1, 1, 1).build();

    RegionMetrics missed = brats2023.evaluate(truth, empty).get(Region.WT);
    RegionMetrics invented = brats2023.evaluate(empty, truth).get(Region.WT);

    assertEquals(0.0, missed.dice());
    assertEquals(373.13, missed.hd95Mm());
    assertEquals(0.0, missed.surfaceDice());
    assertEquals(0.0, missed.sensitivity());
    assertEquals(1.0, missed.specificity());
    assertEquals(0.0, missed.lesionWise().dice());
    assertEquals(374.0, missed.lesionWise().hd95Mm());
    assertEquals(1, missed.lesionWise().falseNegatives());
    assertEquals(373.13, invented.hd95Mm());
    assertEquals(0.0, invented.sensitivity());
    assertEquals(1, invented.lesionWise().falsePositives());
    assertEquals(374.0, invented.lesionWise().hd95Mm());
    // TC and ET are empty in both: oedema (label 2) belongs to WT only.
    assertEquals(1.0, brats2023.evaluate(truth, empty).get(Region.TC).dice());
  }

  @Test
  void brats2021UsesLabelFour() {
    LabelVolume truth = Volumes.grid(6, 6, 6, 1, 1, 1).box(1, 2, 1, 2, 1, 2, 4).box(3, 4, 1, 2, 1, 2, 1).build();
    LabelVolume prediction = Volumes.grid(6, 6, 6, 1, 1, 1).box(1, 2, 1, 2, 1, 2, 4).build();

    Map<Region, RegionMetrics> metrics = new BratsEvaluator(LabelConvention.BRATS2021).evaluate(truth, prediction);

    assertEquals(1.0, metrics.get(Region.ET).dice());
    assertEquals(2.0 * 8 / (16 + 8), metrics.get(Region.TC).dice(), EPS);
  }

  @Test
  void labelOutsideConventionRejected() {
    LabelVolume truth = Volumes.grid(6, 6, 6, 1, 1, 1).box(1, 2, 1, 2, 1, 2, 4).build();
    LabelVolume prediction = Volumes.grid(6, 6, 6, 1, 1, 1).build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> brats2023.evaluate(truth, prediction));

    assertEquals("truth contains label 4, which is not part of brats2023 (labels 0, 1, 2, 3)", e.getMessage());
  }

  @Test
  void differentGridsRejected() {
    LabelVolume truth = Volumes.grid(6, 6, 6, 1, 1, 1).build();
    LabelVolume prediction = Volumes.grid(6, 6, 5, 1, 1, 1).build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> brats2023.evaluate(truth, prediction));

    assertEquals("prediction and truth are on different grids: dimensions 6x6x6 vs 6x6x5", e.getMessage());
  }

  @Test
  void customConventionRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BratsEvaluator(LabelConvention.custom(1, 5)));

    assertEquals("label convention custom:1,5 defines no BraTS regions; use brats2021 or brats2023", e.getMessage());
  }
}
