package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.preprocessor.registration.RegistrationResult.StopReason;
import java.time.Duration;

/** Bounded-step quasi-Newton descent of one pyramid level on a fixed set of samples. */
final class LevelOptimizer {
  /** Step multiplier after an accepted step, so the length recovers after early reductions. */
  private static final double GROWTH = 1.2;
  /** Accepted steps the quasi-Newton direction remembers. */
  private static final int MEMORY = 5;

  private final FixedSamples samples;
  private final MovingImage moving;
  private final TransformModel model;
  private final RegistrationOptions options;
  private final int levelIndex;
  private final Metric metric;

  private final double[] mapped;
  private final float[] movingValues;
  private final double[] movingGradients;
  private final boolean[] valid;
  private final double[] derivative;

  LevelOptimizer(FixedSamples samples, MovingImage moving, TransformModel model, RegistrationOptions options,
      int levelIndex) {
    this.samples = samples;
    this.moving = moving;
    this.model = model;
    this.options = options;
    this.levelIndex = levelIndex;
    int n = samples.count();
    float fixedMin = Float.POSITIVE_INFINITY;
    float fixedMax = Float.NEGATIVE_INFINITY;
    for (float v : samples.values()) {
      fixedMin = Math.min(fixedMin, v);
      fixedMax = Math.max(fixedMax, v);
    }
    this.metric = Metric.create(options.metric(), options.histogramBins(), fixedMin, fixedMax, moving.min(), moving.max());
    this.mapped = new double[3 * n];
    this.movingValues = new float[n];
    this.movingGradients = new double[3 * n];
    this.valid = new boolean[n];
    this.derivative = new double[n];
    model.setRadiusMm(rmsRadius(samples.positions(), model.center));
  }

  /**
   * Runs the descent. The search direction comes from limited-memory BFGS over the last {@value
   * #MEMORY} accepted steps and starts as the negative gradient. Each iteration tries that
   * direction, shortened to the current step length when it is longer. While no curvature pair is
   * stored the direction is the raw gradient and takes the full step length. A step that lowers the
   * metric is kept and the step length grows by 20 %. Any other step is undone and the step length
   * is multiplied by the relaxation factor, so the metric never increases within a level.
   */
  RegistrationResult.LevelSummary run(PyramidLevel level, double levelSpacingMm, long startNanos) {
    double step = options.initialStepVoxels() * levelSpacingMm;
    double minStep = options.minStepVoxels() * levelSpacingMm;
    double[] history = new double[options.convergenceWindow()];
    double value = evaluate(0);
    double initialValue = value;
    double[] gradient = model.gradient(samples.positions(), derivative, movingGradients, valid);
    QuasiNewtonMemory memory = new QuasiNewtonMemory(MEMORY);
    int iteration = 0;
    int accepted = 0;
    StopReason reason = StopReason.MAX_ITERATIONS;
    while (iteration < level.maxIterations()) {
      double[] direction = memory.direction(gradient);
      double norm = norm(direction);
      if (norm == 0) {
        reason = StopReason.CONVERGED;
        break;
      }
      if (step < minStep) {
        reason = StopReason.STEP_TOO_SMALL;
        break;
      }
      // Without curvature pairs the direction is the raw gradient, whose length means nothing.
      double length = memory.isEmpty() ? step : Math.min(norm, step);
      double[] delta = new double[direction.length];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = length * direction[i] / norm;
      }
      TransformModel.State before = model.save();
      model.step(delta);
      iteration++;
      double trial = evaluate(iteration);
      if (trial < value) {
        value = trial;
        step = Math.max(step, length) * GROWTH;
        double[] previous = gradient;
        gradient = model.gradient(samples.positions(), derivative, movingGradients, valid);
        memory.add(delta, previous, gradient);
        history[accepted % history.length] = value;
        accepted++;
        if (accepted >= history.length && converged(history)) {
          reason = StopReason.CONVERGED;
          break;
        }
      } else {
        model.restore(before);
        step = length * options.relaxationFactor();
      }
    }
    return new RegistrationResult.LevelSummary(level, samples.count(), initialValue, value, iteration, reason,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Returns the metric value followed by its gradient in scaled parameters at the current transform. */
  double[] valueAndGradient() {
    double value = evaluate(0);
    double[] gradient = model.gradient(samples.positions(), derivative, movingGradients, valid);
    double[] result = new double[gradient.length + 1];
    result[0] = value;
    System.arraycopy(gradient, 0, result, 1, gradient.length);
    return result;
  }

  private double evaluate(int iteration) {
    model.map(samples.positions(), mapped);
    int validCount = moving.sampleAll(mapped, movingValues, movingGradients, valid);
    Registration.checkOverlap(validCount, samples.count(), levelIndex, iteration);
    double value = metric.evaluate(samples.values(), movingValues, valid, validCount, derivative);
    if (!Double.isFinite(value)) {
      throw new RegistrationException("the " + options.metric().name().toLowerCase().replace('_', ' ')
          + " metric is " + value + " at level " + (levelIndex + 1) + ", iteration " + iteration
          + "; check both images for NaN or infinite voxels and for a constant region covering the overlap");
    }
    return value;
  }

  private boolean converged(double[] history) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double v : history) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    double mean = Math.abs(sum / history.length);
    return (max - min) <= options.convergenceThreshold() * Math.max(mean, 1e-12);
  }

  private static double rmsRadius(double[] positions, double[] center) {
    double sum = 0;
    int n = positions.length / 3;
    for (int k = 0; k < n; k++) {
      double dx = positions[3 * k] - center[0];
      double dy = positions[3 * k + 1] - center[1];
      double dz = positions[3 * k + 2] - center[2];
      sum += dx * dx + dy * dy + dz * dz;
    }
    return n == 0 ? 1 : Math.sqrt(sum / n);
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
