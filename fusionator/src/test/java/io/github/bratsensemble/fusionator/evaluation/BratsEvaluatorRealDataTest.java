package io.github.bratsensemble.fusionator.evaluation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares the metrics of two real BraTS algorithm outputs with values computed independently by
 * {@code src/test/python/brats_metrics_reference.py} (numpy 1.24, scipy 1.10: {@code
 * binary_erosion}, {@code distance_transform_edt}, {@code percentile}, {@code label}).
 */
class BratsEvaluatorRealDataTest {
  private static final double TOLERANCE = 1e-9;

  private static Map<Region, RegionMetrics> evaluate(String truth, String prediction) throws IOException {
    Path folder = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations");
    return new BratsEvaluator(LabelConvention.BRATS2021).evaluate(
        Nifti.readLabels(folder.resolve(truth)), Nifti.readLabels(folder.resolve(prediction)));
  }

  /** Expected values in the order dice, hd95, nsd, sensitivity, specificity, mL, mL, lesion Dice, HD95. */
  private static void assertMetrics(RegionMetrics m, double... expected) {
    String r = m.region().name();
    assertAll(r,
        () -> assertEquals(expected[0], m.dice(), TOLERANCE, r + " dice"),
        () -> assertEquals(expected[1], m.hd95Mm(), TOLERANCE, r + " hd95"),
        () -> assertEquals(expected[2], m.surfaceDice(), TOLERANCE, r + " surface dice"),
        () -> assertEquals(expected[3], m.sensitivity(), TOLERANCE, r + " sensitivity"),
        () -> assertEquals(expected[4], m.specificity(), TOLERANCE, r + " specificity"),
        () -> assertEquals(expected[5], m.truthVolumeMl(), TOLERANCE, r + " truth volume"),
        () -> assertEquals(expected[6], m.predictionVolumeMl(), TOLERANCE, r + " prediction volume"),
        () -> assertEquals(expected[7], m.lesionWise().dice(), TOLERANCE, r + " lesion-wise dice"),
        () -> assertEquals(expected[8], m.lesionWise().hd95Mm(), TOLERANCE, r + " lesion-wise hd95"));
  }

  @Test
  void zyxAgainstLfbRwth() throws IOException {
    Map<Region, RegionMetrics> metrics = evaluate("zyx_2019.nii.gz", "lfb_rwth.nii.gz");

    assertMetrics(metrics.get(Region.WT), 0.9586783934, 1.0, 0.9683269159, 0.9555091072, 0.9999002758,
        23.443, 23.288, 0.9586783934, 1.0);
    assertMetrics(metrics.get(Region.TC), 0.8465186680, 2.8284271247, 0.6245916939, 0.9930160985,
        0.9996655662, 8.448, 11.372, 0.8465186680, 2.8284271247);
    // ET: one 12-voxel truth lesion (left out of the lesion-wise scores); the prediction has four
    // components (20, 7, 2 and 2 voxels) of which only the 20-voxel one reaches the lesion.
    assertMetrics(metrics.get(Region.ET), 0.5581395349, 18.8147168754, 0.7441860465, 1.0, 0.9999978719,
        0.012, 0.031, 0.0, 374.0);
    assertEquals(3, metrics.get(Region.ET).lesionWise().falsePositives());
  }

  @Test
  void etAbsentFromTruth() throws IOException {
    Map<Region, RegionMetrics> metrics = evaluate("mic-dkfz.nii.gz", "zyx_2019.nii.gz");

    assertMetrics(metrics.get(Region.WT), 0.9638829942, 1.0, 0.9742368742, 0.9407870690, 0.9999687759,
        24.623, 23.443, 0.9638829942, 1.0);
    assertMetrics(metrics.get(Region.TC), 0.9078114004, 1.4142135624, 0.8839793282, 0.8995815900,
        0.9999206224, 8.604, 8.448, 0.9078114004, 1.4142135624);
    assertMetrics(metrics.get(Region.ET), 0.0, 373.13, 0.0, 0.0, 0.9999986559, 0.0, 0.012, 0.0, 374.0);
  }
}
