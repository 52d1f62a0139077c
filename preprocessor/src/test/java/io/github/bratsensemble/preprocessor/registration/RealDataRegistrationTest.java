package io.github.bratsensemble.preprocessor.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registers the real skull-stripped sequences of one glioma case and compares with ANTs' transforms. */
class RealDataRegistrationTest {
  private static final String CASE = "brats-toolkit-example/TCGA-DU-7294/";

  @ParameterizedTest
  @ValueSource(strings = {"t1c", "t2", "fla"})
  void rigidCoregistrationMatchesAnts(String sequence) throws IOException {
    FloatVolume t1 = Nifti.readFloat(TestData.require(CASE + "hdbet_native/t1.nii.gz"));
    FloatVolume moving = Nifti.readFloat(TestData.require(CASE + "hdbet_native/" + sequence + ".nii.gz"));
    LabelVolume t1Mask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1.nii.gz"));
    AffineTransform ants = AntsTransformFile.read(TestData.require(CASE + "registrations/" + sequence + "_to_t1.mat"));

    RegistrationResult result = Registration.register(t1, moving, RegistrationOptions.defaults().withThreads(2));
    TransformDistance distance = TransformDistance.overMask(result.transform(), ants, t1Mask);
    assertTrue(distance.meanMm() < 1.0, sequence + " mean " + distance.meanMm() + " mm");
    assertTrue(distance.maxMm() < 2.5, sequence + " max " + distance.maxMm() + " mm");
    assertTrue(result.transform().isRigid(1e-9));
  }

  @Test
  void repeatedRunGivesSameTransform() throws IOException {
    FloatVolume t1 = Nifti.readFloat(TestData.require(CASE + "hdbet_native/t1.nii.gz"));
    FloatVolume t2 = Nifti.readFloat(TestData.require(CASE + "hdbet_native/t2.nii.gz"));
    RegistrationOptions options = RegistrationOptions.defaults();
    AffineTransform first = Registration.register(t1, t2, options.withThreads(1)).transform();
    AffineTransform second = Registration.register(t1, t2, options.withThreads(2)).transform();
    assertEquals(first, second);
  }

  @Test
  void atlasRegistrationOverlapsAtlasBrain() throws IOException {
    FloatVolume atlas = Nifti.readFloat(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    FloatVolume t1 = Nifti.readFloat(TestData.require(CASE + "hdbet_native/t1.nii.gz"));
    LabelVolume t1Mask = Nifti.readLabels(TestData.require(CASE + "masks/native_t1.nii.gz"));
    LabelVolume bratsMask = Nifti.readLabels(TestData.require(CASE + "masks/brats_space.nii.gz"));
    AffineTransform ants = AntsTransformFile.read(TestData.require(CASE + "registrations/native_t1_to_brats.mat"));

    RegistrationResult result = Registration.register(atlas, t1, RegistrationOptions.defaults().withThreads(2));
    TransformDistance distance = TransformDistance.overMask(result.transform(), ants, bratsMask);
    // NOTE: the 2 mm target against ANTs is not met. ANTs registered the unstripped images, and on
    // the skull-stripped pair its transform is no optimum. Mutual information, correlation (checked
    // below) and brain-mask overlap all get worse along the path from this transform to ANTs'.
    // elastix, other metrics, masks and starts all land 6 to 8 mm away with the same pitch.
    assertTrue(distance.meanMm() < 7.5, "mean " + distance.meanMm() + " mm");
    for (MetricType metric : new MetricType[] {MetricType.MATTES_MUTUAL_INFORMATION,
        MetricType.NORMALIZED_CROSS_CORRELATION}) {
      double oursValue = metricValue(atlas, t1, result.transform(), metric);
      double antsValue = metricValue(atlas, t1, ants, metric);
      assertTrue(oursValue < antsValue, metric + " " + oursValue + " vs ANTs " + antsValue);
    }

    LabelVolume atlasBrain = Phantom.mask(atlas, 0);
    double ours = dice(Resampler.resampleLabels(t1Mask, atlas.grid(), result.transform(), Interpolation.NEAREST, 0), atlasBrain);
    double antsDice = dice(Resampler.resampleLabels(t1Mask, atlas.grid(), ants, Interpolation.NEAREST, 0), atlasBrain);
    assertTrue(ours > 0.91, "Dice " + ours);
    assertTrue(ours >= antsDice, "Dice " + ours + " vs ANTs " + antsDice);
  }

  @Test
  void antsResampledTargetRecoversAnts() throws IOException {
    FloatVolume atlas = Nifti.readFloat(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    FloatVolume t1 = Nifti.readFloat(TestData.require(CASE + "hdbet_native/t1.nii.gz"));
    LabelVolume bratsMask = Nifti.readLabels(TestData.require(CASE + "masks/brats_space.nii.gz"));
    AffineTransform ants = AntsTransformFile.read(TestData.require(CASE + "registrations/native_t1_to_brats.mat"));

    // The T1 resampled by ANTs' transform onto the atlas grid is a target whose optimum is ANTs'
    // transform, so this checks the conventions of the atlas pair apart from the atlas's content.
    FloatVolume target = Resampler.resample(t1, atlas.grid(), ants, Interpolation.LINEAR, 0f, 2);
    RegistrationResult result = Registration.register(target, t1, RegistrationOptions.defaults().withThreads(2));
    TransformDistance distance = TransformDistance.overMask(result.transform(), ants, bratsMask);
    assertTrue(distance.meanMm() < 0.1, "mean " + distance.meanMm() + " mm");
    assertTrue(distance.maxMm() < 0.2, "max " + distance.maxMm() + " mm");
  }

  /** Returns the metric (lower is better) of the full-resolution pair at {@code transform}, over 100,000 samples. */
  private static double metricValue(FloatVolume fixed, FloatVolume moving, AffineTransform transform, MetricType metric) {
    RegistrationOptions options = RegistrationOptions.defaults().withMetric(metric);
    FixedSamples samples = FixedSamples.draw(fixed, null, 100_000, options.seed());
    TransformModel model = TransformModel.create(TransformType.RIGID, transform);
    return new LevelOptimizer(samples, new MovingImage(moving), model, options, 0).valueAndGradient()[0];
  }

  private static double dice(LabelVolume a, LabelVolume b) {
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
