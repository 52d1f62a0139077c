package io.github.bratsensemble.imaging.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

/** Applies real ANTs transforms to real masks and compares with the masks ANTs produced. */
class AntsCompatibilityTest {
  private static final String CASE = "brats-toolkit-example/TCGA-DU-7294/";

  @Test
  void nativeToBratsReproducesAntsMask() throws Exception {
    AffineTransform transform = AntsTransformFile.read(TestData.require(CASE + "registrations/native_t1_to_brats.mat"));
    LabelVolume nativeMask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1.nii.gz"));
    LabelVolume bratsMask = Nifti.readLabels(TestData.require(CASE + "masks/brats_space.nii.gz"));

    // ANTs stores the centre of the fixed (BraTS) grid; in RAS it is the centre of that grid.
    assertArrayEquals(Grid.BRATS.centerWorld(), transform.center(), 1e-4);
    LabelVolume resampled = Resampler.resampleLabels(nativeMask, bratsMask.grid(), transform, Interpolation.NEAREST, 0);
    double dice = dice(resampled, bratsMask);
    assertTrue(dice >= 0.97, "Dice " + dice);
  }

  @Test
  void inverseT1cTransformReproducesAntsMask() throws Exception {
    AffineTransform t1cToT1 = AntsTransformFile.read(TestData.require(CASE + "registrations/t1c_to_t1.mat"));
    LabelVolume t1Mask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1.nii.gz"));
    LabelVolume t1cMask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1c.nii.gz"));

    LabelVolume resampled = Resampler.resampleLabels(t1Mask, t1cMask.grid(), t1cToT1.inverse(), Interpolation.NEAREST, 0);
    double dice = dice(resampled, t1cMask);
    assertTrue(dice >= 0.995, "Dice " + dice);
  }

  static double dice(LabelVolume a, LabelVolume b) {
    long both = 0;
    long sum = 0;
    for (int i = 0; i < a.voxelCount(); i++) {
      boolean inA = a.label(i) != 0;
      boolean inB = b.label(i) != 0;
      both += inA && inB ? 1 : 0;
      sum += (inA ? 1 : 0) + (inB ? 1 : 0);
    }
    return 2.0 * both / sum;
  }
}
