package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionVoteTest {
  private static final FusionOptions REGIONS = FusionOptions.defaults(FusionMethod.REGIONS);

  @Test
  void regionsDifferFromLabelVote() {
    // Voxel 0: 1, 4, 2 -> plurality tie (background), but WT 3/3, TC 2/3, ET 1/3 -> NCR.
    // Voxel 1: 2, 2, 4 -> ED by plurality and by regions (TC 1/3).
    List<FusionInput> inputs = rows(new int[] {1, 2}, new int[] {4, 2}, new int[] {2, 4});
    assertArrayEquals(new int[] {0, 2}, fuse(inputs, FusionOptions.defaults(FusionMethod.MAJORITY)));
    assertArrayEquals(new int[] {1, 2}, fuse(inputs, REGIONS));
  }

  @Test
  void etOutsideTcIsClipped() {
    // ET: 2 of 3 (4, 4); TC: 2 of 3 too, so ET stays. Voxel 1: ET votes 4,4 but TC has the same
    // inputs, so check a case where ET wins and TC loses: impossible with nested inputs, so the
    // clip shows with weights: TC majority needs > half; ET voxels are always TC voxels in inputs.
    List<FusionInput> inputs = rows(new int[] {4, 4}, new int[] {4, 2}, new int[] {0, 0});
    assertArrayEquals(new int[] {4, 2}, fuse(inputs, REGIONS));
  }

  @Test
  void tieFollowsPolicy() {
    List<FusionInput> inputs = rows(new int[] {2, 4}, new int[] {0, 2});
    // WT 2/2 at voxel 1 and 1/2 at voxel 0; TC, ET 1/2 at voxel 1.
    assertArrayEquals(new int[] {0, 2}, fuse(inputs, REGIONS));
    assertArrayEquals(new int[] {2, 4}, fuse(inputs, REGIONS.withTie(TiePolicy.HIGHEST_PRIORITY)));
  }

  @Test
  void weightsApplyPerRegion() {
    List<FusionInput> inputs = rows(new int[] {1}, new int[] {2}, new int[] {0});
    assertArrayEquals(new int[] {2}, fuse(inputs, REGIONS));
    assertArrayEquals(new int[] {1}, fuse(inputs, REGIONS.withWeights(3, 1, 1)));
    assertArrayEquals(new int[] {0}, fuse(inputs, REGIONS.withWeights(1, 1, 3)));
  }

  @Test
  void regionsRejectCustomConvention() {
    LabelConvention custom = LabelConvention.custom(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fusion.fuse(rows(custom, new int[] {1}, new int[] {1}), REGIONS.withConvention(custom)));
    assertEquals("method regions needs a BraTS label convention (brats2021 or brats2023) but got custom:1",
        e.getMessage());
  }
}
