package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.simple.SimpleDiagnostics;
import io.github.bratsensemble.fusionator.simple.SimpleFusion;
import io.github.bratsensemble.fusionator.simple.SimpleParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleFusionTest {
  private static final FusionOptions SIMPLE = FusionOptions.defaults(FusionMethod.SIMPLE);

  private static BitMask mask(int... bits) {
    byte[] values = new byte[bits.length];
    for (int i = 0; i < bits.length; i++) {
      values[i] = (byte) bits[i];
    }
    return BitMask.ofNonZero(values);
  }

  @Test
  void outlierIsDiscardedAndOutvoted() {
    // Four inputs agree on voxels 0..3; the fifth marks voxels 4..9 only.
    BitMask good = mask(1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    BitMask bad = mask(0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
    SimpleFusion.Outcome outcome = SimpleFusion.fuseMasks(
        "WT", new BitMask[] {good, good, good, good, bad}, new double[] {1, 1, 1, 1, 1}, SimpleParameters.DEFAULTS);
    assertEquals(good, outcome.estimate());
    SimpleDiagnostics diagnostics = outcome.diagnostics();
    // Scores 1,1,1,1,0: mean 0.8, std 0.4, threshold 0.4 -> the outlier goes in round 1; round 2
    // changes nothing.
    assertArrayEquals(new boolean[] {true, true, true, true, false}, diagnostics.retained());
    assertArrayEquals(new double[] {1, 1, 1, 1, 0}, diagnostics.scores());
    assertEquals(2, diagnostics.rounds());
    assertTrue(diagnostics.converged());
  }

  @Test
  void scoresReweightTheVote() {
    // Inputs 1-2 agree with the majority; inputs 3-4 disagree with each other on voxels 2 and 3.
    BitMask a = mask(1, 1, 1, 0);
    BitMask c = mask(1, 1, 0, 1);
    BitMask d = mask(0, 0, 1, 1);
    SimpleFusion.Outcome outcome = SimpleFusion.fuseMasks(
        "TC", new BitMask[] {a, a, c, d}, new double[] {1, 1, 1, 1}, new SimpleParameters(10, 25));
    // Majority (> 2 of 4): voxels 0,1,2. Scores: a 1, c 4/6, d 2/5; alpha 10 discards no input.
    assertEquals(a, outcome.estimate());
    assertArrayEquals(new double[] {1, 1, 4.0 / 6, 2.0 / 5}, outcome.diagnostics().scores(), 1e-15);
    assertEquals(1, outcome.diagnostics().rounds());
    assertTrue(outcome.diagnostics().converged());
    // Voxel 2 is voted by a, a and d: (1 + 1 + 0.4) of (1 + 1 + 2/3 + 0.4).
    assertEquals(2.4 / (2 + 4.0 / 6 + 0.4), outcome.voteFraction()[2], 1e-12);
  }

  @Test
  void alphaZeroDiscardsBelowMean() {
    BitMask a = mask(1, 1, 1, 0);
    BitMask c = mask(1, 1, 0, 1);
    BitMask d = mask(0, 0, 1, 1);
    SimpleFusion.Outcome outcome = SimpleFusion.fuseMasks(
        "TC", new BitMask[] {a, a, c, d}, new double[] {1, 1, 1, 1}, new SimpleParameters(0, 25));
    // Mean score 0.7667: c (0.667) and d (0.4) go in round 1, round 2 changes nothing.
    assertEquals(a, outcome.estimate());
    assertArrayEquals(new boolean[] {true, true, false, false}, outcome.diagnostics().retained());
    assertEquals(2, outcome.diagnostics().rounds());
  }

  @Test
  void roundCapStopsIteration() {
    BitMask a = mask(1, 1, 1, 0);
    BitMask c = mask(1, 1, 0, 1);
    BitMask d = mask(0, 0, 1, 1);
    SimpleFusion.Outcome outcome = SimpleFusion.fuseMasks(
        "ET", new BitMask[] {a, a, c, d}, new double[] {1, 1, 1, 1}, new SimpleParameters(0, 1));
    assertEquals(1, outcome.diagnostics().rounds());
    assertFalse(outcome.diagnostics().converged());
  }

  @Test
  void allEmptyInputsGiveBackground() {
    FusionResult result = Fusion.fuse(rows(new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0}), SIMPLE);
    assertArrayEquals(new int[] {0, 0}, TestInputs.labels(result.fused()));
    SimpleDiagnostics wt = (SimpleDiagnostics) result.diagnostics().get(0);
    assertArrayEquals(new double[] {1, 1, 1}, wt.scores());
    assertTrue(wt.converged());
  }

  @Test
  void regionsAreRebuiltNested() {
    // WT 3/3, TC 2/3, ET 2/3 at voxel 0 -> ET; voxel 1: WT 3/3, TC 1/3 -> ED.
    List<FusionInput> inputs = rows(new int[] {4, 2}, new int[] {4, 2}, new int[] {2, 1});
    assertArrayEquals(new int[] {4, 2}, fuse(inputs, SIMPLE));
    assertEquals(List.of("WT", "TC", "ET"),
        Fusion.fuse(inputs, SIMPLE).diagnostics().stream().map(d -> d.structure()).toList());
  }

  @Test
  void customLabelsCompeteByVoteFraction() {
    LabelConvention custom = LabelConvention.custom(5, 6);
    // Voxel 0: 5,5,6 -> 5 (2/3). Voxel 1: 6,6,5 -> 6.
    List<FusionInput> inputs = rows(custom, new int[] {5, 6}, new int[] {5, 6}, new int[] {6, 5});
    assertArrayEquals(new int[] {5, 6}, fuse(inputs, SIMPLE.withConvention(custom)));
  }
}
