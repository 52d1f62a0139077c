package io.github.bratsensemble.imaging.conform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConformerTest {

  private static final Grid RAS_EVEN = new Grid(new Dimensions(40, 50, 60), Affine.scaling(1, 1, 1, -20, -30, 10));

  @Test
  void conformedGridIsLiaOneMillimetre() {
    Grid conformed = Conformer.conformedGrid(Grid.BRATS);

    assertEquals(new Dimensions(256, 256, 256), conformed.dimensions());
    assertEquals("LIA", conformed.orientationCode());
    assertArrayEquals(new double[] {1, 1, 1}, conformed.spacingMm(), 1e-12);
  }

  @Test
  void conformedCentreMatchesHalfDimensions() {
    Grid conformed = Conformer.conformedGrid(Grid.BRATS);

    double[] centre = conformed.affine().apply(new double[] {128, 128, 128});
    double[] expected = Grid.BRATS.affine().apply(new double[] {120, 120, 77.5});
    assertArrayEquals(expected, centre, 1e-9);
  }

  @Test
  void conformedInputIsUnchanged() {
    Grid lia = Conformer.conformedGrid(Grid.BRATS);
    float[] voxels = new float[lia.voxelCount()];
    Random random = new Random(1);
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = random.nextInt(1000);
    }
    FloatVolume image = FloatVolume.wrap(lia, voxels);

    FloatVolume conformed = Conformer.of(lia).conformImage(image);

    assertArrayEquals(voxels, conformed.voxelArray(), 1e-3f);
  }

  @Test
  void labelRoundTripIsExact() {
    byte[] labels = randomBlocks(RAS_EVEN.dimensions(), 7);
    LabelVolume original = LabelVolume.wrap(RAS_EVEN, labels);
    Conformer conformer = Conformer.of(RAS_EVEN);

    LabelVolume restored = conformer.restoreLabels(conformer.conformLabels(original));

    assertArrayEquals(labels, restored.labelArray());
  }

  @Test
  void restoredSlabKeepsThicknessAtHalfVoxelOffset() {
    // With 61 slices the conformed voxel centres fall halfway between source slices along z.
    Grid odd = new Grid(new Dimensions(40, 50, 61), Affine.scaling(1, 1, 1, -20, -30, 10));
    Conformer conformer = Conformer.of(odd);
    Dimensions d = conformer.target().dimensions();
    byte[] conformed = new byte[d.voxelCount()];
    for (int k = 0; k < d.nz(); k++) {
      for (int j = 0; j < d.ny(); j++) {
        for (int i = 0; i < d.nx(); i++) {
          // Conformed j runs inferior; rows 100..109 are a slab 10 mm thick.
          conformed[d.index(i, j, k)] = (byte) (j >= 100 && j < 110 ? 2 : 1);
        }
      }
    }

    LabelVolume restored = conformer.restoreLabels(LabelVolume.wrap(conformer.target(), conformed));

    assertEquals(10L * 40 * 50, restored.histogram()[2]);
    assertEquals(2, restored.label(20, 25, 50));
    assertEquals(2, restored.label(20, 25, 59));
    assertEquals(1, restored.label(20, 25, 60));
  }

  @Test
  void imageRoundTripIsExact() {
    float[] voxels = new float[RAS_EVEN.voxelCount()];
    Random random = new Random(3);
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = random.nextFloat() * 100;
    }
    Conformer conformer = Conformer.of(RAS_EVEN);

    FloatVolume restored = conformer.restoreImage(conformer.conformImage(FloatVolume.wrap(RAS_EVEN, voxels)));

    assertArrayEquals(voxels, restored.voxelArray(), 1e-3f);
  }

  @Test
  void trilinearReproducesLinearRamp() {
    // A 2 mm LPS grid without obliquity whose intensity is the world x coordinate plus twice y.
    Grid coarse = new Grid(new Dimensions(30, 30, 20), Affine.scaling(-2, -2, 2, 30, 30, -20));
    float[] voxels = new float[coarse.voxelCount()];
    for (int z = 0; z < 20; z++) {
      for (int y = 0; y < 30; y++) {
        for (int x = 0; x < 30; x++) {
          double wx = coarse.affine().applyX(x, y, z);
          double wy = coarse.affine().applyY(x, y, z);
          voxels[coarse.dimensions().index(x, y, z)] = (float) (wx + 2 * wy);
        }
      }
    }
    Conformer conformer = Conformer.of(coarse);

    FloatVolume conformed = conformer.conformImage(FloatVolume.wrap(coarse, voxels));

    Affine toWorld = conformer.target().affine();
    int[][] samples = {{128, 128, 128}, {120, 131, 125}, {135, 122, 140}};
    for (int[] s : samples) {
      double expected = toWorld.applyX(s[0], s[1], s[2]) + 2 * toWorld.applyY(s[0], s[1], s[2]);
      assertEquals(expected, conformed.value(s[0], s[1], s[2]), 1e-3, "voxel " + java.util.Arrays.toString(s));
    }
    assertEquals(0f, conformed.value(0, 0, 0), "outside the source grid");
  }

  @Test
  void restoreRejectsWrongGrid() {
    Conformer conformer = Conformer.of(RAS_EVEN);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> conformer.restoreLabels(LabelVolume.zeros(RAS_EVEN)));

    assertEquals("the conformed label map is not on the expected grid: dimensions 256x256x256 vs 40x50x60",
        e.getMessage());
  }

  private static byte[] randomBlocks(Dimensions d, long seed) {
    Random random = new Random(seed);
    byte[] labels = new byte[d.voxelCount()];
    for (int block = 0; block < 12; block++) {
      int x0 = random.nextInt(d.nx() - 8);
      int y0 = random.nextInt(d.ny() - 8);
      int z0 = random.nextInt(d.nz() - 8);
      byte label = (byte) (1 + random.nextInt(4));
      for (int z = z0; z < z0 + 8; z++) {
        for (int y = y0; y < y0 + 8; y++) {
          for (int x = x0; x < x0 + 8; x++) {
            labels[d.index(x, y, z)] = label;
          }
        }
      }
    }
    return labels;
  }
}
