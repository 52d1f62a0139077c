package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intensity-based rigid or affine registration of two 3-D images.
 *
 * <p>Inputs: a fixed image and a moving image, each on its own grid (any orientation, spacing or
 * obliquity; all work is in world coordinates), and {@link RegistrationOptions}. Output: a {@link
 * RegistrationResult} whose transform maps fixed-image world points to moving-image world points
 * in RAS+ mm, the ITK/ANTs direction; resample the moving image onto the fixed grid with it, and
 * write it with {@code TransformFiles} to get an ANTs-compatible LPS file.
 *
 * <p>Method: the transform starts at the alignment of centres (of mass by default), then a
 * gradient descent with a bounded step length runs at each pyramid level from coarse to fine. Each
 * level draws its fixed samples once with the seed, so the metric is a fixed function of the
 * parameters within a level and the result is deterministic. Search directions come from
 * limited-memory BFGS, which copes with the coupled parameters of affine transforms far better than
 * the plain gradient. A step that lowers the metric is kept and the step length grows by 20 %. Any
 * other step is undone and the step length is multiplied by the relaxation factor. A level stops at
 * its iteration limit, when the step length falls below the minimum, or when the metric's relative
 * range over the convergence window falls below the threshold.
 *
 * <p>Errors ({@link RegistrationException}): an image without finite voxels or with a single
 * intensity, a mask that covers no fixed voxel, too few samples inside the moving image (fewer than
 * 10 % of the samples, or 32) at any time, and a metric that is not a number. The class is
 * stateless and thread-safe.
 */
public final class Registration {
  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
  private static final double MIN_OVERLAP_FRACTION = 0.1;
  private static final int MIN_OVERLAP_SAMPLES = 32;

  private Registration() {}

  /** Registers {@code moving} to {@code fixed}. */
  public static RegistrationResult register(FloatVolume fixed, FloatVolume moving, RegistrationOptions options) {
    long start = System.nanoTime();
    checkNotEmpty(fixed, "fixed");
    checkNotEmpty(moving, "moving");
    AffineTransform initial = Initializer.initialTransform(fixed, moving, options.initialization());
    TransformModel model = TransformModel.create(options.transformType(), initial);
    double finestSpacing = PyramidImages.minSpacingMm(fixed);

    List<RegistrationResult.LevelSummary> summaries = new ArrayList<>();
    for (int index = 0; index < options.levels().size(); index++) {
      PyramidLevel level = options.levels().get(index);
      long levelStart = System.nanoTime();
      double levelSpacing = level.shrinkFactor() * finestSpacing;
      FloatVolume fixedLevel = PyramidImages.level(fixed, levelSpacing, level.smoothingSigmaMm(), options.threads());
      FloatVolume movingLevel = PyramidImages.level(moving, levelSpacing, level.smoothingSigmaMm(), options.threads());
      FixedSamples samples = FixedSamples.draw(
          fixedLevel, options.fixedMask(), options.samplesPerLevel(), options.seed() + 7919L * index);
      LevelOptimizer optimizer = new LevelOptimizer(samples, new MovingImage(movingLevel), model, options, index);
      RegistrationResult.LevelSummary summary = optimizer.run(level, levelSpacing, levelStart);
      summaries.add(summary);
      LOG.debug("level {} (shrink {}): {} samples, metric {} -> {}, {} iterations, {}", index + 1,
          level.shrinkFactor(), summary.samples(), summary.initialMetric(), summary.finalMetric(),
          summary.iterations(), summary.stopReason());
    }
    return new RegistrationResult(model.current(), initial, summaries, Duration.ofNanos(System.nanoTime() - start));
  }

  static void checkNotEmpty(FloatVolume image, String role) {
    float[] range = image.range();
    if (Float.isNaN(range[0])) {
      throw new RegistrationException("the " + role + " image has no finite voxels");
    }
    if (range[0] == range[1]) {
      throw new RegistrationException("the " + role + " image is empty: every voxel is " + range[0]);
    }
  }

  /** Checks the sample overlap of the current transform. */
  static void checkOverlap(int validCount, int sampleCount, int level, int iteration) {
    int required = Math.max(MIN_OVERLAP_SAMPLES, (int) Math.ceil(MIN_OVERLAP_FRACTION * sampleCount));
    if (validCount < required) {
      String when = iteration == 0 ? "after initialisation" : "at iteration " + iteration;
      throw new RegistrationException("the images do not overlap " + when + " (level " + (level + 1) + "): "
          + validCount + " of " + sampleCount + " fixed samples map inside the moving image, " + required
          + " are required; check that both images show the same anatomy and that their headers are correct");
    }
  }
}
