package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.fusionator.btk.BtkSimpleDiagnostics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import java.util.List;
import org.junit.jupiter.api.Test;

class BtkMethodsTest {
  private static final FusionOptions MAV = FusionOptions.defaults(FusionMethod.BTK_MAV);
  private static final FusionOptions SIMPLE = FusionOptions.defaults(FusionMethod.BTK_SIMPLE);
  private static final FusionOptions BRATS_SIMPLE = FusionOptions.defaults(FusionMethod.BTK_BRATS_SIMPLE);

  @Test
  void mavHalfVoteIsEnough() {
    // Two of four inputs are half the weight: the label wins over two background votes.
    List<FusionInput> inputs = rows(new int[] {2, 0}, new int[] {2, 0}, new int[] {0, 0}, new int[] {0, 1});
    assertArrayEquals(new int[] {2, 0}, fuse(inputs, MAV));
  }

  @Test
  void mavLowerLabelOverwritesHigher() {
    // 1 and 2 both reach half: 2 is written first, then 1 overwrites it.
    List<FusionInput> inputs = rows(new int[] {1, 4}, new int[] {2, 2});
    assertArrayEquals(new int[] {1, 2}, fuse(inputs, MAV));
  }

  @Test
  void mavWeightsCountPerInput() {
    List<FusionInput> inputs = rows(new int[] {4, 4}, new int[] {0, 1}, new int[] {0, 1});
    // Weights 1,1,1: half = 1.5; label 4 has 1 vote, label 1 has 2 at voxel 1.
    assertArrayEquals(new int[] {0, 1}, fuse(inputs, MAV));
    // Weights 3,1,1: half = 2.5; label 4 has 3 votes, label 1 has 2 and no longer overwrites.
    assertArrayEquals(new int[] {4, 4}, fuse(inputs, MAV.withWeights(3, 1, 1)));
  }

  @Test
  void mavIgnoresLabelsAbsentFromInputs() {
    List<FusionInput> inputs = rows(new int[] {0, 0}, new int[] {0, 0});
    assertArrayEquals(new int[] {0, 0}, fuse(inputs, MAV));
  }

  @Test
  void simpleStopsWhenCountSettles() {
    // 40 voxels: inputs 1 and 2 mark voxels 0..29, input 3 marks 10..39. The first estimate
    // (votes >= 1.5) is 0..29; weights (Dice + 1)^2 keep it, so the loop stops after one round.
    int[] a = new int[40];
    int[] b = new int[40];
    for (int v = 0; v < 30; v++) {
      a[v] = 2;
    }
    for (int v = 10; v < 40; v++) {
      b[v] = 2;
    }
    FusionResult result = Fusion.fuse(rows(a, a, b), SIMPLE);
    assertArrayEquals(a, TestInputs.labels(result.fused()));
    BtkSimpleDiagnostics diagnostics = (BtkSimpleDiagnostics) result.diagnostics().get(0);
    assertEquals(1, diagnostics.rounds());
    assertTrue(diagnostics.converged());
    // Dice of input 3 with voxels 0..29: 2*20/60.
    double third = 2.0 * 20 / 60 + 1;
    assertArrayEquals(new double[] {4, 4, third * third}, diagnostics.weights(), 1e-15);
  }

  @Test
  void simpleEmptyPairScoresZero() {
    // Label 1 occurs only in input 1: the first estimate needs 1.5 votes, so it is empty. Both-empty
    // pairs score Dice 0 (weight 1) and input 1 scores 0 too: all weights 1, estimate stays empty.
    FusionResult result = Fusion.fuse(rows(new int[] {1, 0}, new int[] {0, 0}, new int[] {0, 0}), SIMPLE);
    assertArrayEquals(new int[] {0, 0}, TestInputs.labels(result.fused()));
    BtkSimpleDiagnostics diagnostics = (BtkSimpleDiagnostics) result.diagnostics().get(0);
    assertArrayEquals(new double[] {1, 1, 1}, diagnostics.weights());
  }

  @Test
  void simpleLaterLabelsOverwrite() {
    // Labels in ascending order: label 2 (two votes of three) overwrites label 1 at voxel 0.
    List<FusionInput> inputs = rows(new int[] {1, 1}, new int[] {1, 2}, new int[] {2, 2});
    // Voxel 0: label 1 has 2 votes -> 1; label 2 has 1 vote of 3 -> below 1.5. Voxel 1: 2 wins.
    assertArrayEquals(new int[] {1, 2}, fuse(inputs, SIMPLE));
    List<FusionInput> overlap = rows(new int[] {1, 0}, new int[] {2, 0});
    // Two inputs: half is 1, so both labels win at voxel 0 and 2 (later) overwrites 1.
    assertArrayEquals(new int[] {2, 0}, fuse(overlap, SIMPLE));
  }

  @Test
  void bratsSimpleWritesRegionsInOrder() {
    // WT -> 2, then TC -> 1, then ET -> 4, each over the previous.
    List<FusionInput> inputs = rows(new int[] {4, 1, 2, 4}, new int[] {4, 4, 2, 0}, new int[] {2, 1, 1, 0});
    assertArrayEquals(new int[] {4, 1, 2, 0}, fuse(inputs, BRATS_SIMPLE));
  }

  @Test
  void bratsSimpleUsesBrats2023EtLabel() {
    List<FusionInput> inputs = rows(LabelConvention.BRATS2023, new int[] {3, 1}, new int[] {3, 2});
    assertArrayEquals(new int[] {3, 1},
        fuse(inputs, BRATS_SIMPLE.withConvention(LabelConvention.BRATS2023)));
  }

  @Test
  void bratsSimpleRejectsCustomLabels() {
    LabelConvention custom = LabelConvention.custom(1, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fusion.fuse(rows(custom, new int[] {1}, new int[] {2}), BRATS_SIMPLE.withConvention(custom)));
    assertEquals("method btk-brats-simple needs a BraTS label convention (brats2021 or brats2023) but got custom:1,2",
        e.getMessage());
  }
}
