package io.github.bratsensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionMajorityTest {
  private static final Grid GRID = new Grid(new Dimensions(6, 1, 1), Affine.identity());

  private static LabelVolume labels(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return LabelVolume.wrap(GRID, bytes);
  }

  @Test
  void threeMapsVotePerRegion() {
    // Voxel by voxel: unanimous ET; ET, ET, NCR (core majority, ET majority); ET, NCR, ED (core
    // majority without ET majority); ED, ED, 0; ED, 0, 0; 4, 2, 0 (whole tumour only).
    LabelVolume a = labels(4, 4, 4, 2, 2, 4);
    LabelVolume b = labels(4, 4, 1, 2, 0, 2);
    LabelVolume c = labels(4, 1, 2, 0, 0, 0);
    assertArrayEquals(labels(4, 4, 1, 2, 0, 2).labelArray(), RegionMajority.combine(GRID, List.of(a, b, c)).labelArray());
  }

  @Test
  void tieIsNoMajority() {
    LabelVolume a = labels(4, 1, 2, 0, 0, 0);
    LabelVolume b = labels(2, 2, 0, 0, 0, 0);
    assertArrayEquals(labels(2, 2, 0, 0, 0, 0).labelArray(), RegionMajority.combine(GRID, List.of(a, b)).labelArray());
  }

  @Test
  void noMapsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegionMajority.combine(GRID, List.of()));
    assertEquals("at least one label map is required", e.getMessage());
  }
}
