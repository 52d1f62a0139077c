package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {
  private static final FusionOptions MAJORITY = FusionOptions.defaults(FusionMethod.MAJORITY);

  @Test
  void pluralityWinsWithoutMajority() {
    // Voxel 0: 1,1,2,4,0 -> 1 gets 2 of 5 votes, a plurality but not a majority.
    // Voxel 1: 0,0,2,2,0 -> background gets 3 votes.
    int[] fused = fuse(rows(new int[] {1, 0}, new int[] {1, 0}, new int[] {2, 2}, new int[] {4, 2}, new int[] {0, 0}),
        MAJORITY);
    assertArrayEquals(new int[] {1, 0}, fused);
  }

  @Test
  void tieGoesToBackgroundByDefault() {
    // Voxel 0: 1 vs 2 (background has no vote); voxel 1: 4 vs 0; voxel 2: 1,2,4,0 four-way.
    List<FusionInput> inputs = rows(new int[] {1, 4, 1}, new int[] {1, 4, 2}, new int[] {2, 0, 4}, new int[] {2, 0, 0});
    assertArrayEquals(new int[] {0, 0, 0}, fuse(inputs, MAJORITY));
  }

  @Test
  void undecidedLabelMarksTies() {
    List<FusionInput> inputs = rows(new int[] {1, 4, 1, 2}, new int[] {1, 4, 2, 2}, new int[] {2, 0, 4, 2},
        new int[] {2, 0, 0, 1});
    assertArrayEquals(new int[] {255, 255, 255, 2}, fuse(inputs, MAJORITY.withTie(TiePolicy.undecided(255))));
    assertArrayEquals(new int[] {0, 0, 0, 2}, fuse(inputs, MAJORITY.withTie(TiePolicy.undecided(0))));
  }

  @Test
  void highestPriorityPrefersEtNcrEd() {
    // Ties: {1,2} -> NCR, {4,0} -> ET, {1,2,4,0} -> ET, {2,0} -> ED.
    List<FusionInput> inputs = rows(new int[] {1, 4, 1, 2}, new int[] {1, 4, 2, 2}, new int[] {2, 0, 4, 0},
        new int[] {2, 0, 0, 0});
    assertArrayEquals(new int[] {1, 4, 4, 2}, fuse(inputs, MAJORITY.withTie(TiePolicy.HIGHEST_PRIORITY)));
  }

  @Test
  void highestPriorityFollowsBrats2023Labels() {
    List<FusionInput> inputs = rows(LabelConvention.BRATS2023, new int[] {3, 2}, new int[] {1, 0});
    FusionOptions options = MAJORITY.withConvention(LabelConvention.BRATS2023).withTie(TiePolicy.HIGHEST_PRIORITY);
    assertArrayEquals(new int[] {3, 2}, fuse(inputs, options));
  }

  @Test
  void customPriorityIsListOrder() {
    LabelConvention custom = LabelConvention.custom(7, 3);
    List<FusionInput> inputs = rows(custom, new int[] {3, 7}, new int[] {7, 0});
    FusionOptions options = MAJORITY.withConvention(custom).withTie(TiePolicy.HIGHEST_PRIORITY);
    assertArrayEquals(new int[] {7, 7}, fuse(inputs, options));
  }

  @Test
  void weightsDecideBetweenLabels() {
    List<FusionInput> inputs = rows(new int[] {1, 1, 2}, new int[] {2, 2, 2}, new int[] {2, 0, 1});
    // Weights 3,1,1: voxel 0 -> 1 (3 vs 2), voxel 1 -> 1 (3 vs 1 vs 1), voxel 2 -> 2 (4 vs 1).
    assertArrayEquals(new int[] {1, 1, 2}, fuse(inputs, MAJORITY.withWeights(3, 1, 1)));
    // Weights 2,1,1: voxel 0 ties 2 vs 2 -> background.
    assertArrayEquals(new int[] {0, 1, 2}, fuse(inputs, MAJORITY.withWeights(2, 1, 1)));
  }

  @Test
  void oneInputDisagreeingEverywhereIsOutvoted() {
    int[] truth = {0, 1, 2, 4, 2, 0};
    int[] opposite = {4, 2, 1, 0, 0, 1};
    assertArrayEquals(truth, fuse(rows(truth, truth, opposite), MAJORITY));
  }

  @Test
  void equalsItkLabelVotingOnRandomVolumes() {
    Random random = new Random(20260412L);
    int[] labels = {0, 1, 2, 4};
    for (int trial = 0; trial < 20; trial++) {
      int inputs = 2 + random.nextInt(6);
      int voxels = 500;
      int[][] rows = new int[inputs][voxels];
      for (int[] row : rows) {
        for (int v = 0; v < voxels; v++) {
          row[v] = labels[random.nextInt(labels.length)];
        }
      }
      assertArrayEquals(itkLabelVoting(rows, 0), fuse(rows(rows), MAJORITY.withTie(TiePolicy.undecided(0))),
          "trial " + trial);
      assertArrayEquals(itkLabelVoting(rows, 0), fuse(rows(rows), MAJORITY), "trial " + trial);
    }
  }

  @Test
  void undecidedRejectedOutsideMajority() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fusion.fuse(rows(new int[] {1}, new int[] {1}),
            FusionOptions.defaults(FusionMethod.SIMPLE).withTie(TiePolicy.undecided(9))));
    assertEquals("tie policy undecided=9 is only available for method majority", e.getMessage());
  }

  @Test
  void undecidedForegroundLabelRejected() {
    FusionOptions brats2023 = MAJORITY.withConvention(LabelConvention.BRATS2023).withTie(TiePolicy.undecided(3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fusion.fuse(rows(new int[] {1}, new int[] {2}), brats2023));
    assertEquals("tie policy undecided=3: label 3 is a foreground label of brats2023; choose a label outside the"
        + " convention, such as 255, so ties stay distinguishable", e.getMessage());
    // 3 is not a BraTS 2021 label, so it may mark ties there.
    assertArrayEquals(new int[] {3}, fuse(rows(new int[] {1}, new int[] {2}), MAJORITY.withTie(TiePolicy.undecided(3))));
  }

  @Test
  void tiePolicyParsesAndRejects() {
    assertEquals(TiePolicy.undecided(7), TiePolicy.parse("undecided=7"));
    assertEquals(TiePolicy.HIGHEST_PRIORITY, TiePolicy.parse("highest-priority"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiePolicy.parse("random"));
    assertEquals("invalid tie policy 'random': expected background, undecided=<label> or highest-priority",
        e.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> TiePolicy.parse("undecided=256"));
    assertEquals("invalid tie policy 'undecided=256': the undecided label must be in 0..255 but was 256",
        range.getMessage());
  }

  /**
   * ITK LabelVotingImageFilter's rule written out independently: count the votes for every label
   * value; the unique maximum wins, otherwise the undecided label.
   */
  private static int[] itkLabelVoting(int[][] rows, int undecided) {
    int[] result = new int[rows[0].length];
    for (int v = 0; v < result.length; v++) {
      int[] votes = new int[256];
      for (int[] row : rows) {
        votes[row[v]]++;
      }
      List<Integer> best = new ArrayList<>();
      int max = 0;
      for (int label = 0; label < 256; label++) {
        if (votes[label] > max) {
          max = votes[label];
          best.clear();
          best.add(label);
        } else if (votes[label] == max && max > 0) {
          best.add(label);
        }
      }
      result[v] = best.size() == 1 ? best.get(0) : undecided;
    }
    return result;
  }
}
