package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.resample.Slabs;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;

/**
 * Settings of one registration; {@link #defaults()} gives rigid Mattes mutual information with 32
 * bins over a four-level pyramid.
 *
 * @param transformType rigid (default) or affine
 * @param metric similarity measure (default Mattes mutual information)
 * @param histogramBins bins per intensity axis of the mutual-information histogram (default 32)
 * @param samplesPerLevel fixed-image voxels drawn at random per level (default 20000); a level with
 *     fewer candidate voxels uses all of them
 * @param seed seed of the sample draw; the same inputs and seed give the same transform
 * @param levels pyramid levels from coarse to fine
 * @param initialization how the transform starts (default centres of mass)
 * @param initialStepVoxels step length bound at the start of each level, in voxels of that level
 *     (default 1)
 * @param minStepVoxels a level ends when the step length bound falls below this, in voxels of that level
 *     (default 0.005)
 * @param relaxationFactor step multiplier applied after a step that did not lower the metric
 *     (default 0.5)
 * @param convergenceWindow a level ends when the metric's relative range over this many iterations
 *     falls below {@code convergenceThreshold} (default 10)
 * @param convergenceThreshold see {@code convergenceWindow} (default 1e-5)
 * @param fixedMask samples are drawn only where this mask (on any grid) is non-zero; null for none
 * @param threads worker threads for building the pyramid (default: available processors)
 */
public record RegistrationOptions(
    TransformType transformType,
    MetricType metric,
    int histogramBins,
    int samplesPerLevel,
    long seed,
    List<PyramidLevel> levels,
    Initialization initialization,
    double initialStepVoxels,
    double minStepVoxels,
    double relaxationFactor,
    int convergenceWindow,
    double convergenceThreshold,
    LabelVolume fixedMask,
    int threads) {

  /** Default levels: shrink 8, 4, 2, 1 with sigma 2, 1, 0.5, 0 mm. */
  public static final List<PyramidLevel> DEFAULT_LEVELS = List.of(
      new PyramidLevel(8, 2.0, 200),
      new PyramidLevel(4, 1.0, 100),
      new PyramidLevel(2, 0.5, 50),
      new PyramidLevel(1, 0.0, 25));

  public RegistrationOptions {
    if (transformType == null || metric == null || initialization == null || levels == null) {
      throw new IllegalArgumentException("transform type, metric, initialisation and levels are required");
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("at least one pyramid level is required");
    }
    levels = List.copyOf(levels);
    if (histogramBins < 8) {
      throw new IllegalArgumentException("histogram bins must be at least 8 but were " + histogramBins);
    }
    if (samplesPerLevel < 100) {
      throw new IllegalArgumentException("samples per level must be at least 100 but were " + samplesPerLevel);
    }
    if (!(initialStepVoxels > 0) || !(minStepVoxels > 0) || minStepVoxels > initialStepVoxels) {
      throw new IllegalArgumentException("steps must satisfy 0 < minimum step <= initial step but were "
          + minStepVoxels + " and " + initialStepVoxels);
    }
    if (!(relaxationFactor > 0 && relaxationFactor < 1)) {
      throw new IllegalArgumentException("relaxation factor must be between 0 and 1 but was " + relaxationFactor);
    }
    if (convergenceWindow < 2) {
      throw new IllegalArgumentException("convergence window must be at least 2 but was " + convergenceWindow);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be at least 1 but was " + threads);
    }
  }

  public static RegistrationOptions defaults() {
    return new RegistrationOptions(TransformType.RIGID, MetricType.MATTES_MUTUAL_INFORMATION, 32, 20000, 1L,
        DEFAULT_LEVELS, Initialization.CENTER_OF_MASS, 1.0, 0.005, 0.5, 10, 1e-5, null, Slabs.defaultThreads());
  }

  public RegistrationOptions withTransformType(TransformType value) {
    return new RegistrationOptions(value, metric, histogramBins, samplesPerLevel, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withMetric(MetricType value) {
    return new RegistrationOptions(transformType, value, histogramBins, samplesPerLevel, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withHistogramBins(int value) {
    return new RegistrationOptions(transformType, metric, value, samplesPerLevel, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withSamplesPerLevel(int value) {
    return new RegistrationOptions(transformType, metric, histogramBins, value, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withSeed(long value) {
    return new RegistrationOptions(transformType, metric, histogramBins, samplesPerLevel, value, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withLevels(List<PyramidLevel> value) {
    return new RegistrationOptions(transformType, metric, histogramBins, samplesPerLevel, seed, value, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withInitialization(Initialization value) {
    return new RegistrationOptions(transformType, metric, histogramBins, samplesPerLevel, seed, levels, value,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, threads);
  }

  public RegistrationOptions withFixedMask(LabelVolume value) {
    return new RegistrationOptions(transformType, metric, histogramBins, samplesPerLevel, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, value, threads);
  }

  public RegistrationOptions withThreads(int value) {
    return new RegistrationOptions(transformType, metric, histogramBins, samplesPerLevel, seed, levels, initialization,
        initialStepVoxels, minStepVoxels, relaxationFactor, convergenceWindow, convergenceThreshold, fixedMask, value);
  }
}
