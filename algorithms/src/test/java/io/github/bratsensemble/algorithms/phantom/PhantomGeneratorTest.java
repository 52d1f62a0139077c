package io.github.bratsensemble.algorithms.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.algorithms.PhantomFixtures;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhantomGeneratorTest {

  /** Returns the mean of {@code image} over the voxels whose truth label is {@code label}, within the brain. */
  private static double meanWhere(FloatVolume image, Phantom phantom, int label) {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < image.voxelCount(); i++) {
      if (phantom.brainMask().label(i) != 0 && phantom.truth().label(i) == label) {
        sum += image.value(i);
        count++;
      }
    }
    return sum / count;
  }

  @Test
  void sameSeedGivesSameVoxels() {
    Phantom first = PhantomFixtures.plain(1);
    Phantom second = PhantomGenerator.generate(PhantomOptions.ofSeed(1));

    assertArrayEquals(first.t1().voxelArray(), second.t1().voxelArray());
    assertArrayEquals(first.flair().voxelArray(), second.flair().voxelArray());
    assertArrayEquals(first.truth().labelArray(), second.truth().labelArray());
  }

  @Test
  void otherSeedGivesOtherTumour() {
    assertFalse(Arrays.equals(PhantomFixtures.plain(1).truth().labelArray(), PhantomFixtures.plain(2).truth().labelArray()));
  }

  @Test
  void truthUsesBrats2023Labels() {
    Phantom phantom = PhantomFixtures.plain(1);
    long[] counts = phantom.truth().histogram();

    assertArrayEquals(new int[] {0, 1, 2, 3}, phantom.truth().distinctLabels());
    assertTrue(counts[1] > 1000, "necrotic core voxels: " + counts[1]);
    assertTrue(counts[3] > 1000, "enhancing voxels: " + counts[3]);
    assertTrue(counts[2] > counts[3], "oedema should be the largest region: " + Arrays.toString(counts));
    assertEquals(Grid.BRATS, phantom.truth().grid());
    assertArrayEquals(new int[] {0, 1, 2, 4}, phantom.truthBrats2021().distinctLabels());
  }

  @Test
  void tumourLiesInsideBrainMask() {
    Phantom phantom = PhantomFixtures.plain(2);
    for (int i = 0; i < phantom.truth().voxelCount(); i++) {
      if (phantom.truth().label(i) != 0) {
        assertEquals(1, phantom.brainMask().label(i), "tumour voxel " + i + " outside the brain mask");
      }
    }
  }

  @Test
  void contrastsFollowSequenceWeighting() {
    Phantom phantom = PhantomFixtures.plain(1);
    // Label 0 inside the brain is mostly white matter, the brain's largest tissue.
    double t1Brain = meanWhere(phantom.t1(), phantom, 0);
    double t1cBrain = meanWhere(phantom.t1c(), phantom, 0);
    double flairBrain = meanWhere(phantom.flair(), phantom, 0);
    double t2Brain = meanWhere(phantom.t2(), phantom, 0);

    assertTrue(meanWhere(phantom.t1c(), phantom, 3) > 1.4 * t1cBrain, "enhancing tumour is bright on T1c");
    assertTrue(meanWhere(phantom.t1(), phantom, 3) < t1Brain, "enhancing tumour is dark on T1");
    assertTrue(meanWhere(phantom.flair(), phantom, 2) > 1.5 * flairBrain, "oedema is bright on FLAIR");
    assertTrue(meanWhere(phantom.t2(), phantom, 1) > 1.8 * t2Brain, "necrosis is bright on T2");
    assertTrue(meanWhere(phantom.t1c(), phantom, 1) < 0.6 * t1cBrain, "necrosis is dark on T1c");
  }

  @Test
  void anisotropicOptionUsesThickSlices() {
    Phantom phantom = PhantomGenerator.generate(new PhantomOptions(3, true, false, false));

    assertEquals("240x240x31", phantom.t2().grid().dimensions().toString());
    assertEquals("240x240x31", phantom.flair().grid().dimensions().toString());
    assertArrayEquals(new double[] {1, 1, 5}, phantom.t2().grid().spacingMm(), 1e-12);
    assertEquals(2.0, phantom.flair().grid().affine().get(2, 3), 1e-12);
    assertEquals(Grid.BRATS, phantom.t1c().grid());
  }

  @Test
  void misalignmentMovesAllButT1() {
    Phantom aligned = PhantomFixtures.plain(1);
    Phantom moved = PhantomGenerator.generate(new PhantomOptions(1, false, true, false));

    assertArrayEquals(aligned.t1().voxelArray(), moved.t1().voxelArray());
    assertArrayEquals(aligned.truth().labelArray(), moved.truth().labelArray());
    for (String name : new String[] {"t1c", "t2w", "t2f"}) {
      double[] centre = Grid.BRATS.centerWorld();
      double shiftMm = moved.motions().get(name).displacementMm(
          io.github.bratsensemble.imaging.transform.AffineTransform.identity(), centre);
      assertTrue(shiftMm > 0.1, name + " moved by " + shiftMm + " mm at the centre");
      assertTrue(shiftMm < 7.0, name + " moved by " + shiftMm + " mm at the centre");
    }
  }

  @Test
  void secondLesionAddsComponent() {
    Phantom phantom = PhantomGenerator.generate(new PhantomOptions(4, false, false, true));
    byte[] tumour = new byte[phantom.truth().voxelCount()];
    for (int i = 0; i < tumour.length; i++) {
      tumour[i] = phantom.truth().label(i) != 0 ? (byte) 1 : 0;
    }

    ConnectedComponents components = ConnectedComponents.label(tumour, Grid.BRATS.dimensions(), Connectivity.FULL_26);

    assertEquals(2, components.count());
  }
}
