package io.github.bratsensemble.preprocessor.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.Rotations;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  /** The true transform: a rotation of about 6, 4 and 8 degrees and a translation of several mm. */
  private static final AffineTransform TRUTH = AffineTransform.ofCentered(
      Rotations.euler(0.1, -0.07, 0.14, false), new double[] {6, -4, 3}, new double[] {5, 0, -5});

  private static final FloatVolume FIXED = Phantom.sample(Phantom.fixedGrid(), AffineTransform.identity(), v -> v);
  private static final LabelVolume FIXED_MASK = Phantom.mask(FIXED, 50);

  @Test
  void mutualInformationRecoversRigidAcrossContrast() {
    // Inverted, non-linear contrast: only an information-theoretic metric detects the match.
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> 400 - 2 * v - 0.004 * v * v);
    RegistrationResult result = Registration.register(FIXED, moving, RegistrationOptions.defaults().withThreads(2));
    assertAccurate(result.transform(), 0.3);
    assertEquals(4, result.levels().size());
    assertTrue(result.finalMetric() < result.levels().get(0).initialMetric());
  }

  @Test
  void crossCorrelationRecoversRigid() {
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> 3 * v + 20);
    RegistrationOptions options = RegistrationOptions.defaults().withMetric(MetricType.NORMALIZED_CROSS_CORRELATION);
    assertAccurate(Registration.register(FIXED, moving, options).transform(), 0.3);
  }

  @Test
  void meanSquaresRecoversRigid() {
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> v);
    RegistrationOptions options = RegistrationOptions.defaults().withMetric(MetricType.MEAN_SQUARES)
        .withInitialization(Initialization.GEOMETRIC_CENTER);
    assertAccurate(Registration.register(FIXED, moving, options).transform(), 0.3);
  }

  @Test
  void affineRecoversScaling() {
    AffineTransform truth = AffineTransform.ofCentered(
        new double[] {1.08, 0.03, 0, -0.02, 0.95, 0.04, 0.01, 0, 1.04}, new double[] {3, 2, -2}, new double[3]);
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), truth.inverse(), v -> v);
    RegistrationOptions options = RegistrationOptions.defaults().withTransformType(TransformType.AFFINE)
        .withMetric(MetricType.MEAN_SQUARES);
    RegistrationResult result = Registration.register(FIXED, moving, options);
    double start = TransformDistance.overMask(result.initialTransform(), truth, FIXED_MASK).meanMm();
    double end = TransformDistance.overMask(result.transform(), truth, FIXED_MASK).meanMm();
    assertTrue(start > 2.5, "start " + start);
    assertTrue(end < 0.2, "end " + end);
  }

  @Test
  void sameSeedGivesSameTransform() {
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> 300 - v);
    RegistrationOptions options = RegistrationOptions.defaults().withSeed(42);
    AffineTransform first = Registration.register(FIXED, moving, options.withThreads(1)).transform();
    AffineTransform second = Registration.register(FIXED, moving, options.withThreads(3)).transform();
    assertEquals(first, second);
  }

  @Test
  void maskLimitsSamplesToRegion() {
    long maskVoxels = 0;
    for (int i = 0; i < FIXED_MASK.voxelCount(); i++) {
      maskVoxels += FIXED_MASK.label(i);
    }
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> 300 - v);
    RegistrationOptions options = RegistrationOptions.defaults().withFixedMask(FIXED_MASK)
        .withSamplesPerLevel((int) maskVoxels + 1000);
    RegistrationResult result = Registration.register(FIXED, moving, options);
    // The full-resolution level uses the fixed image itself, so it samples every mask voxel once.
    assertEquals(maskVoxels, result.levels().get(3).samples());
    assertAccurate(result.transform(), 0.3);
  }

  @Test
  void emptyFixedImageIsRejected() {
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> v);
    RegistrationException e = assertThrows(RegistrationException.class,
        () -> Registration.register(FloatVolume.zeros(Phantom.fixedGrid()), moving, RegistrationOptions.defaults()));
    assertEquals("the fixed image is empty: every voxel is 0.0", e.getMessage());
  }

  @Test
  void imageWithoutFiniteVoxelsIsRejected() {
    float[] nan = new float[Phantom.movingGrid().voxelCount()];
    java.util.Arrays.fill(nan, Float.NaN);
    RegistrationException e = assertThrows(RegistrationException.class,
        () -> Registration.register(FIXED, FloatVolume.wrap(Phantom.movingGrid(), nan), RegistrationOptions.defaults()));
    assertEquals("the moving image has no finite voxels", e.getMessage());
  }

  @Test
  void distantImagesDoNotOverlap() {
    Grid far = new Grid(Phantom.movingGrid().dimensions(),
        Affine.translation(1000, 0, 0).compose(Phantom.movingGrid().affine()));
    FloatVolume moving = Phantom.sample(far, AffineTransform.of(Affine.translation(-1000, 0, 0)), v -> v);
    RegistrationOptions options = RegistrationOptions.defaults().withInitialization(Initialization.IDENTITY);
    RegistrationException e = assertThrows(RegistrationException.class, () -> Registration.register(FIXED, moving, options));
    assertEquals("the images do not overlap after initialisation (level 1): 0 of 720 fixed samples map inside the "
        + "moving image, 72 are required; check that both images show the same anatomy and that their headers are "
        + "correct", e.getMessage());
  }

  @Test
  void nanVoxelsGiveClearError() {
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> v > 60 ? Float.NaN : v);
    RegistrationException e = assertThrows(RegistrationException.class,
        () -> Registration.register(FIXED, moving, RegistrationOptions.defaults()));
    assertEquals("the mattes mutual information metric is NaN at level 1, iteration 0; check both images for NaN or "
        + "infinite voxels and for a constant region covering the overlap", e.getMessage());
  }

  @Test
  void emptyMaskIsRejected() {
    RegistrationOptions options = RegistrationOptions.defaults().withFixedMask(LabelVolume.zeros(Phantom.fixedGrid()));
    FloatVolume moving = Phantom.sample(Phantom.movingGrid(), TRUTH.inverse(), v -> v);
    RegistrationException e = assertThrows(RegistrationException.class, () -> Registration.register(FIXED, moving, options));
    assertEquals("the fixed-image mask does not cover any voxel of the fixed image", e.getMessage());
  }

  @Test
  void invalidOptionsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegistrationOptions.defaults().withHistogramBins(4));
    assertEquals("histogram bins must be at least 8 but were 4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PyramidLevel(0, 1, 10));
    assertEquals("shrink factor must be at least 1 but was 0", e.getMessage());
  }

  private static void assertAccurate(AffineTransform result, double maxMeanMm) {
    TransformDistance distance = TransformDistance.overMask(result, TRUTH, FIXED_MASK);
    assertTrue(distance.meanMm() < maxMeanMm, "mean distance " + distance.meanMm() + " mm, max " + distance.maxMm());
    assertTrue(result.isRigid(1e-9), "not rigid: " + result);
  }
}
