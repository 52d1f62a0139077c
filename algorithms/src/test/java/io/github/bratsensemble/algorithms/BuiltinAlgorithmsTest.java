package io.github.bratsensemble.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinAlgorithmsTest {
  private static final Grid GRID = new Grid(new Dimensions(20, 20, 20), Affine.identity());

  static List<BuiltinAlgorithm> algorithms() {
    return BuiltinAlgorithms.all();
  }

  private static FloatVolume noise(long seed, float mean) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[GRID.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = mean + (float) (10 * random.nextGaussian());
    }
    return FloatVolume.wrap(GRID, values);
  }

  @Test
  void registryListsThreeMethods() {
    assertEquals(List.of("intensity-outlier", "gmm", "region-growing"), BuiltinAlgorithms.ids());
    assertEquals("gmm", BuiltinAlgorithms.byId("gmm").id());
  }

  @Test
  void unknownIdIsRejected() {
    NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> BuiltinAlgorithms.byId("deepmedic"));

    assertEquals("unknown built-in algorithm 'deepmedic'; known: intensity-outlier, gmm, region-growing", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void emptyMaskIsRejected(BuiltinAlgorithm algorithm) {
    BratsCase input = new BratsCase(noise(1, 100), noise(2, 100), noise(3, 100), noise(4, 100), LabelVolume.zeros(GRID));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> algorithm.segment(input));

    assertEquals("the brain is empty: 0 voxels in the brain mask, at least 1000 required;"
        + " check the brain mask and the skull stripping", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void blankImagesAreRejected(BuiltinAlgorithm algorithm) {
    FloatVolume blank = FloatVolume.zeros(GRID);
    BratsCase input = BratsCase.of(noise(1, 100), noise(2, 100), blank, noise(4, 100));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> algorithm.segment(input));

    assertEquals("the brain is empty: 0 voxels where all four sequences are > 0, at least 1000 required;"
        + " check the brain mask and the skull stripping", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void constantSequenceIsRejected(BuiltinAlgorithm algorithm) {
    float[] constant = new float[GRID.voxelCount()];
    java.util.Arrays.fill(constant, 250f);
    BratsCase input = BratsCase.of(noise(1, 100), FloatVolume.wrap(GRID, constant), noise(3, 100), noise(4, 100));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> algorithm.segment(input));

    assertEquals("T1c has no intensity spread inside the brain (median 250.0, MAD 0 over 8000 voxels);"
        + " the sequence is empty or constant", e.getMessage());
  }
}
