package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.staple.BinaryStaple;
import io.github.bratsensemble.fusionator.staple.BinaryStapleDiagnostics;
import io.github.bratsensemble.fusionator.staple.MultiLabelStapleDiagnostics;
import io.github.bratsensemble.fusionator.staple.StapleParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleTest {
  private static BitMask mask(int... bits) {
    byte[] values = new byte[bits.length];
    for (int i = 0; i < bits.length; i++) {
      values[i] = (byte) bits[i];
    }
    return BitMask.ofNonZero(values);
  }

  @Test
  void identicalInputsArePerfect() {
    BitMask m = mask(1, 1, 0, 0, 1, 0);
    BinaryStaple.Outcome outcome = BinaryStaple.estimate("WT", new BitMask[] {m, m, m}, 10, StapleParameters.DEFAULTS);
    assertEquals(m, outcome.mask(0.5));
    BinaryStapleDiagnostics d = outcome.diagnostics();
    assertArrayEquals(new double[] {1, 1, 1}, d.sensitivity(), 1e-9);
    assertArrayEquals(new double[] {1, 1, 1}, d.specificity(), 1e-9);
    assertEquals(3.0 / 16, d.prior(), 1e-15);
    assertTrue(d.converged());
    assertEquals(0.0, outcome.inactivePosterior(), 1e-12);
  }

  @Test
  void undersegmentingInputGetsLowSensitivity() {
    // Inputs 1 and 2 mark voxels 0..7; input 3 marks voxels 0..3 only; 100 inactive voxels.
    BitMask full = mask(1, 1, 1, 1, 1, 1, 1, 1);
    BitMask half = mask(1, 1, 1, 1, 0, 0, 0, 0);
    BinaryStaple.Outcome outcome =
        BinaryStaple.estimate("TC", new BitMask[] {full, full, half}, 100, StapleParameters.DEFAULTS);
    assertEquals(full, outcome.mask(0.5));
    BinaryStapleDiagnostics d = outcome.diagnostics();
    assertEquals(1.0, d.sensitivity()[0], 1e-6);
    assertEquals(0.5, d.sensitivity()[2], 1e-6);
    assertEquals(1.0, d.specificity()[2], 1e-6);
  }

  @Test
  void emptyInputsSkipEm() {
    BitMask empty = mask(0, 0, 0);
    BinaryStaple.Outcome outcome = BinaryStaple.estimate("ET", new BitMask[] {empty, empty}, 5, StapleParameters.DEFAULTS);
    assertEquals(0, outcome.mask(0.5).cardinality());
    assertEquals(0, outcome.diagnostics().iterations());
    assertTrue(Double.isNaN(outcome.diagnostics().sensitivity()[0]));
    assertEquals(1.0, outcome.diagnostics().specificity()[0]);
  }

  @Test
  void iterationCapIsHonoured() {
    BitMask a = mask(1, 1, 0, 1);
    BitMask b = mask(0, 1, 1, 1);
    BinaryStaple.Outcome outcome =
        BinaryStaple.estimate("WT", new BitMask[] {a, b, a}, 20, new StapleParameters(0.5, 2, 1e-12));
    assertEquals(2, outcome.diagnostics().iterations());
  }

  @Test
  void thresholdSelectsPosteriors() {
    // Two inputs disagree on voxel 2; the posterior there lies strictly between 0 and 1.
    BitMask a = mask(1, 1, 1, 0);
    BitMask b = mask(1, 1, 0, 0);
    BinaryStaple.Outcome outcome = BinaryStaple.estimate("WT", new BitMask[] {a, b}, 50, StapleParameters.DEFAULTS);
    double posterior = outcome.posterior()[2];
    assertTrue(posterior > 0, "posterior " + posterior);
    assertTrue(posterior < 1, "posterior " + posterior);
    assertEquals(posterior > 0.5 ? 3 : 2, outcome.mask(0.5).cardinality());
    assertEquals(3, outcome.mask(Math.nextDown(posterior)).cardinality());
    assertEquals(2, outcome.mask(posterior).cardinality());
  }

  @Test
  void stapleFusesRegionsNested() {
    // Three agreeing inputs and one that marks everything as oedema.
    int[] truth = {4, 1, 2, 0, 0, 0, 0, 0};
    int[] oedema = {2, 2, 2, 2, 2, 0, 0, 0};
    FusionResult result = Fusion.fuse(rows(truth, truth, truth, oedema), FusionOptions.defaults(FusionMethod.STAPLE));
    assertArrayEquals(truth, TestInputs.labels(result.fused()));
    assertEquals(List.of("WT", "TC", "ET"), result.diagnostics().stream().map(d -> d.structure()).toList());
  }

  @Test
  void multiLabelMatchesUnanimousInputs() {
    int[] truth = {4, 1, 2, 0, 2, 1};
    FusionResult result = Fusion.fuse(rows(truth, truth), FusionOptions.defaults(FusionMethod.STAPLE_MULTILABEL));
    assertArrayEquals(truth, TestInputs.labels(result.fused()));
    MultiLabelStapleDiagnostics d = (MultiLabelStapleDiagnostics) result.diagnostics().get(0);
    assertArrayEquals(new int[] {0, 1, 2, 4}, d.labels());
    for (double[][] matrix : d.confusion()) {
      for (int c = 0; c < 4; c++) {
        assertEquals(1.0, matrix[c][c], 1e-12, "diagonal " + c);
      }
    }
    assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0 / 6}, d.prior(), 1e-15);
  }

  @Test
  void multiLabelLearnsConfusedInput() {
    // Input 3 writes ED wherever the others write NCR; it is outvoted and its confusion matrix
    // maps true NCR to ED.
    int[] truth = {1, 1, 1, 2, 2, 0, 0, 0, 4, 0};
    int[] swapped = {2, 2, 2, 2, 2, 0, 0, 0, 4, 0};
    FusionResult result =
        Fusion.fuse(rows(truth, truth, swapped), FusionOptions.defaults(FusionMethod.STAPLE_MULTILABEL));
    assertArrayEquals(truth, TestInputs.labels(result.fused()));
    MultiLabelStapleDiagnostics d = (MultiLabelStapleDiagnostics) result.diagnostics().get(0);
    assertEquals(1.0, d.confusion()[2][1][2], 1e-9);
    assertEquals(1.0, d.confusion()[0][1][1], 1e-9);
    assertTrue(d.converged());
  }

  @Test
  void stapleEmptyInputsGiveBackground() {
    assertArrayEquals(new int[] {0, 0, 0},
        fuse(rows(new int[] {0, 0, 0}, new int[] {0, 0, 0}), FusionOptions.defaults(FusionMethod.STAPLE)));
    assertArrayEquals(new int[] {0, 0, 0},
        fuse(rows(new int[] {0, 0, 0}, new int[] {0, 0, 0}), FusionOptions.defaults(FusionMethod.STAPLE_MULTILABEL)));
  }
}
