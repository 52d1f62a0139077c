package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.fuse;
import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.fusionator.labels.BitMask;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.regions.NestedRegions;
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
    // Voxels: 0 in WT, TC, ET; 1 in WT and ET only; 2 in TC and ET only; 3 in WT only.
    BitMask wt = BitMask.ofNonZero(new byte[] {1, 1, 0, 1});
    BitMask tc = BitMask.ofNonZero(new byte[] {1, 0, 1, 0});
    BitMask et = BitMask.ofNonZero(new byte[] {1, 1, 1, 0});
    assertArrayEquals(new byte[] {4, 2, 0, 2}, NestedRegions.rebuild(wt, tc, et, LabelConvention.BRATS2021));
    assertArrayEquals(new byte[] {3, 2, 0, 2}, NestedRegions.rebuild(wt, tc, et, LabelConvention.BRATS2023));
  }

  @Test
  void nestedInputsStayNested() {
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
