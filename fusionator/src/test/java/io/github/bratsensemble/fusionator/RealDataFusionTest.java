package io.github.bratsensemble.fusionator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.fusionator.agreement.AgreementAnalysis;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.staple.BinaryStapleDiagnostics;
import io.github.bratsensemble.fusionator.staple.MultiLabelStapleDiagnostics;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fusion of six real BraTS algorithm outputs for one glioma case (BraTS 2021 labels; uint8,
 * float32 and float64 files; qform-only and sform-only headers).
 *
 * <p>The expected values were computed independently with numpy and nibabel by {@code
 * src/test/python/reference_values.py} (run: {@code /usr/bin/python3
 * src/test/python/reference_values.py <data>/brats-toolkit-example/TCGA-DU-7294/segmentations}),
 * which implements each rule directly on the full volumes, the BraTS Toolkit methods from their
 * written specification.
 */
class RealDataFusionTest {
  private static List<FusionInput> inputs;

  @BeforeAll
  static void readInputs() throws IOException {
    Path folder = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations");
    inputs = FusionInputs.read(FusionInputs.listDirectory(folder), List.of(LabelConvention.BRATS2021));
  }

  /** Returns the voxel counts of labels 1, 2, 3, 4. */
  private static long[] counts(LabelVolume volume) {
    long[] histogram = volume.histogram();
    return new long[] {histogram[1], histogram[2], histogram[3], histogram[4]};
  }

  private static LabelVolume fuse(FusionOptions options) {
    return Fusion.fuse(inputs, options).fused();
  }

  @Test
  void directoryIsReadInNameOrder() {
    assertEquals(List.of("lfb_rwth.nii.gz", "mic-dkfz.nii.gz", "scan.nii.gz", "scan_2019.nii.gz", "xfeng.nii.gz",
        "zyx_2019.nii.gz"), inputs.stream().map(FusionInput::name).toList());
    assertEquals(Grid.BRATS.dimensions(), inputs.get(0).labels().grid().dimensions());
  }

  @Test
  void majorityMatchesNumpyCounts() {
    assertArrayEquals(new long[] {8859, 13870, 0, 0}, counts(fuse(FusionOptions.defaults(FusionMethod.MAJORITY))));
  }

  @Test
  void majorityTiePoliciesMatchNumpy() {
    FusionOptions majority = FusionOptions.defaults(FusionMethod.MAJORITY);
    assertArrayEquals(new long[] {9621, 14301, 0, 5}, counts(fuse(majority.withTie(TiePolicy.HIGHEST_PRIORITY))));
    assertEquals(1198, fuse(majority.withTie(TiePolicy.undecided(255))).histogram()[255]);
  }

  @Test
  void regionsMatchNumpyCounts() {
    assertArrayEquals(new long[] {8770, 14716, 0, 0}, counts(fuse(FusionOptions.defaults(FusionMethod.REGIONS))));
  }

  @Test
  void btkMavMatchesSpecification() {
    FusionOptions mav = FusionOptions.defaults(FusionMethod.BTK_MAV);
    assertArrayEquals(new long[] {9540, 14301, 0, 0}, counts(fuse(mav)));
    assertArrayEquals(new long[] {10307, 13503, 0, 5}, counts(fuse(mav.withWeights(3, 1, 1, 1, 1, 1))));
  }

  @Test
  void btkSimpleMatchesSpecification() {
    assertArrayEquals(new long[] {8896, 14611, 0, 5}, counts(fuse(FusionOptions.defaults(FusionMethod.BTK_SIMPLE))));
    assertArrayEquals(new long[] {8929, 14772, 0, 5},
        counts(fuse(FusionOptions.defaults(FusionMethod.BTK_BRATS_SIMPLE))));
  }

  @Test
  void agreementMatchesNumpy() {
    AgreementReport report = AgreementAnalysis.analyse(Fusion.fuse(inputs, FusionOptions.defaults(FusionMethod.MAJORITY)));
    double[] wtDice = {0.9543864224091096, 0.9578053725291434, 0.9534310108569621, 0.9681542603252424,
        0.9718698766071274, 0.9661266568483063};
    double[] edDice = {0.8765221437989607, 0.9153869316470943, 0.9125359499238708, 0.945511010728402,
        0.9083282019704434, 0.9277671921011605};
    for (int i = 0; i < 6; i++) {
      AgreementReport.InputAgreement input = report.inputs().get(i);
      assertEquals(wtDice[i], statistics(input, "WT").dice(), 1e-12, input.name());
      assertEquals(edDice[i], statistics(input, "label 2").dice(), 1e-12, input.name());
    }
    assertEquals(25871, report.fleissKappa().voxels());
    assertEquals(0.712774140704578, report.fleissKappa().value(), 1e-12);
    assertEquals(0.9568575066268706, report.pairwiseDice().get(0).dice()[0][1], 1e-12);
    assertEquals(0.001, report.voxelVolumeMl(), 1e-15);
  }

  @Test
  void simpleMatchesNumpyCounts() {
    assertArrayEquals(new long[] {8567, 15097, 0, 0}, counts(fuse(FusionOptions.defaults(FusionMethod.SIMPLE))));
  }

  @Test
  void stapleMatchesNumpyEstimates() {
    FusionResult result = Fusion.fuse(inputs, FusionOptions.defaults(FusionMethod.STAPLE));
    assertArrayEquals(new long[] {10721, 13904, 0, 12}, counts(result.fused()));
    BinaryStapleDiagnostics wt = (BinaryStapleDiagnostics) result.diagnostics().get(0);
    assertArrayEquals(new double[] {0.940765, 0.984042, 0.979454, 0.933831, 0.960307, 0.951356}, wt.sensitivity(),
        1e-6);
    assertArrayEquals(new double[] {0.999980736, 0.999950231, 0.999928246, 0.999998439, 0.999996592, 0.999992557},
        wt.specificity(), 1e-9);
    BinaryStapleDiagnostics et = (BinaryStapleDiagnostics) result.diagnostics().get(2);
    assertArrayEquals(new double[] {1.0, 0.0, 0.0, 0.416667, 0.0, 1.0}, et.sensitivity(), 1e-6);
  }

  @Test
  void multiLabelStapleFindsTumour() {
    FusionResult result = Fusion.fuse(inputs, FusionOptions.defaults(FusionMethod.STAPLE_MULTILABEL));
    long[] counts = counts(result.fused());
    // No independent reference here: the tumour must lie between the smallest and the largest
    // input tumour (22,960 and 24,706 voxels, counted with numpy).
    long tumour = counts[0] + counts[1] + counts[3];
    assertTrue(tumour >= 22_960, "tumour " + tumour);
    assertTrue(tumour <= 24_706, "tumour " + tumour);
    MultiLabelStapleDiagnostics diagnostics = (MultiLabelStapleDiagnostics) result.diagnostics().get(0);
    assertTrue(diagnostics.iterations() <= 100, "iterations " + diagnostics.iterations());
    assertEquals(4, diagnostics.confusion()[0].length);
  }

  private static AgreementReport.StructureStatistics statistics(AgreementReport.InputAgreement input, String name) {
    return input.structures().stream().filter(s -> s.structure().equals(name)).findFirst().orElseThrow();
  }
}
