package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.transform.AffineTransform;
import java.time.Duration;
import java.util.List;

/**
 * Outcome of a registration.
 *
 * @param transform maps fixed-image world points to moving-image world points, RAS+ mm (the ITK
 *     direction: resample the moving image onto the fixed grid with it)
 * @param initialTransform the transform after initialisation, before optimisation
 * @param levels one summary per pyramid level, coarse to fine
 * @param duration wall time of the whole registration, pyramid included
 */
public record RegistrationResult(
    AffineTransform transform, AffineTransform initialTransform, List<LevelSummary> levels, Duration duration) {

  public RegistrationResult {
    levels = List.copyOf(levels);
  }

  /** Metric value at the end of the finest level (lower is better; mutual information is negated). */
  public double finalMetric() {
    return levels.get(levels.size() - 1).finalMetric();
  }

  /** Total optimiser iterations over all levels. */
  public int iterations() {
    return levels.stream().mapToInt(LevelSummary::iterations).sum();
  }

  /**
   * Summary of one level.
   *
   * @param level the settings used
   * @param samples fixed-image samples drawn
   * @param initialMetric metric value before the first step (lower is better)
   * @param finalMetric metric value after the last step
   * @param iterations steps taken
   * @param stopReason why the level ended
   * @param duration wall time of the level, its pyramid images included
   */
  public record LevelSummary(PyramidLevel level, int samples, double initialMetric, double finalMetric, int iterations,
      StopReason stopReason, Duration duration) {}

  /** Why an optimiser level ended. */
  public enum StopReason {
    MAX_ITERATIONS,
    STEP_TOO_SMALL,
    CONVERGED
  }
}
