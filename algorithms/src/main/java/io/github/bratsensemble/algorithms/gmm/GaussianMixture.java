package io.github.bratsensemble.algorithms.gmm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A multivariate Gaussian mixture with full covariances, fitted by expectation maximisation (EM)
 * after k-means++ seeding and a few Lloyd iterations.
 *
 * <p>Samples are stored row-major in one {@code float[]}, {@code dimension} values per sample. The
 * fit is deterministic for a given seed. Each covariance gets {@code regularisation} added to its
 * diagonal after every M step so that it stays positive definite. Instances are immutable and
 * thread-safe once fitted.
 */
public final class GaussianMixture {
  private static final int LLOYD_ITERATIONS = 5;
  /**
   * Responsibilities below this are left out of the mean and covariance sums to save time (with
   * 12 components most responsibilities are this small); the weights still sum all of them.
   */
  private static final double NEGLIGIBLE_RESPONSIBILITY = 1e-6;

  private final int dimension;
  private final double[] weights;
  private final double[][] means;
  private final double[][][] precisions;
  /** log(weight) plus the log of the Gaussian's normalising constant, per component. */
  private final double[] logConstants;
  private final int iterationsUsed;

  private GaussianMixture(int dimension, double[] weights, double[][] means, double[][][] covariances, int iterationsUsed) {
    this.dimension = dimension;
    this.weights = weights;
    this.means = means;
    this.precisions = new double[weights.length][][];
    this.logConstants = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      CholeskyDecomposition cholesky = cholesky(covariances[k]);
      precisions[k] = cholesky.getSolver().getInverse().getData();
      logConstants[k] = Math.log(weights[k])
          - 0.5 * (dimension * Math.log(2 * Math.PI) + Math.log(cholesky.getDeterminant()));
    }
    this.iterationsUsed = iterationsUsed;
  }

  /**
   * Fits a mixture of {@code components} Gaussians.
   *
   * @param samples row-major samples, {@code dimension} values each
   * @param maxIterations maximum number of EM iterations
   * @param tolerance stop when the mean log-likelihood per sample improves by less than this
   * @param regularisation value added to each covariance diagonal
   * @param seed seed of the k-means++ seeding
   * @throws IllegalArgumentException if there are fewer samples than components
   */
  public static GaussianMixture fit(
      float[] samples, int dimension, int components, int maxIterations, double tolerance, double regularisation, long seed) {
    int n = samples.length / dimension;
    if (n < components) {
      throw new IllegalArgumentException(
          "a mixture of " + components + " components needs at least as many samples but got " + n);
    }
    double[][] means = seedKMeansPlusPlus(samples, dimension, components, new SplittableRandom(seed));
    int[] assignment = new int[n];
    for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
      assignNearest(samples, dimension, means, assignment);
      updateMeans(samples, dimension, means, assignment);
    }

    // Initial weights and covariances from the k-means partition.
    double[][] responsibilities = new double[components][n];
    for (int i = 0; i < n; i++) {
      responsibilities[assignment[i]][i] = 1;
    }
    double[] weights = new double[components];
    double[][][] covariances = new double[components][dimension][dimension];
    maximise(samples, dimension, responsibilities, weights, means, covariances, regularisation);

    double previous = Double.NEGATIVE_INFINITY;
    int iteration = 0;
    while (iteration < maxIterations) {
      iteration++;
      GaussianMixture model = new GaussianMixture(dimension, weights, means, covariances, iteration);

      // E step: responsibilities and mean log-likelihood.
      double logLikelihood = model.expect(samples, responsibilities);

      // M step: weights, means and covariances from the responsibilities.
      maximise(samples, dimension, responsibilities, weights, means, covariances, regularisation);
      if (logLikelihood - previous < tolerance) {
        break;
      }
      previous = logLikelihood;
    }
    return new GaussianMixture(dimension, weights, means, covariances, iteration);
  }

  public int componentCount() {
    return weights.length;
  }

  public int dimension() {
    return dimension;
  }

  public double weight(int component) {
    return weights[component];
  }

  /** Returns the mean of a component (a copy). */
  public double[] mean(int component) {
    return means[component].clone();
  }

  public int iterationsUsed() {
    return iterationsUsed;
  }

  /**
   * Writes {@code log(weight_k * N(x | mean_k, cov_k))} for every component into {@code out} and
   * returns the log of their sum (the log-density of the mixture).
   */
  public double logJoint(float[] x, int offset, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    double[] diff = new double[dimension];
    for (int k = 0; k < weights.length; k++) {
      for (int d = 0; d < dimension; d++) {
        diff[d] = x[offset + d] - means[k][d];
      }
      double mahalanobis = 0;
      double[][] precision = precisions[k];
      for (int r = 0; r < dimension; r++) {
        double row = 0;
        for (int c = 0; c < dimension; c++) {
          row += precision[r][c] * diff[c];
        }
        mahalanobis += diff[r] * row;
      }
      out[k] = logConstants[k] - 0.5 * mahalanobis;
      max = Math.max(max, out[k]);
    }
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += Math.exp(out[k] - max);
    }
    return max + Math.log(sum);
  }

  private double expect(float[] samples, double[][] responsibilities) {
    int n = samples.length / dimension;
    double[] joint = new double[weights.length];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double logSum = logJoint(samples, i * dimension, joint);
      total += logSum;
      for (int k = 0; k < weights.length; k++) {
        responsibilities[k][i] = Math.exp(joint[k] - logSum);
      }
    }
    return total / n;
  }

  private static void maximise(float[] samples, int dimension, double[][] responsibilities, double[] weights,
      double[][] means, double[][][] covariances, double regularisation) {
    int n = samples.length / dimension;
    for (int k = 0; k < weights.length; k++) {
      double[] r = responsibilities[k];
      double sum = 0;
      double[] mean = new double[dimension];
      for (int i = 0; i < n; i++) {
        sum += r[i];
        if (r[i] < NEGLIGIBLE_RESPONSIBILITY) {
          continue;
        }
        for (int d = 0; d < dimension; d++) {
          mean[d] += r[i] * samples[i * dimension + d];
        }
      }
      // An empty component keeps its mean and gets a unit covariance and a tiny weight.
      if (sum < 1e-9) {
        weights[k] = 1e-9;
        for (double[] row : covariances[k]) {
          Arrays.fill(row, 0);
        }
        for (int d = 0; d < dimension; d++) {
          covariances[k][d][d] = 1;
        }
        continue;
      }
      for (int d = 0; d < dimension; d++) {
        mean[d] /= sum;
      }
      double[][] cov = new double[dimension][dimension];
      double[] diff = new double[dimension];
      for (int i = 0; i < n; i++) {
        if (r[i] < NEGLIGIBLE_RESPONSIBILITY) {
          continue;
        }
        for (int d = 0; d < dimension; d++) {
          diff[d] = samples[i * dimension + d] - mean[d];
        }
        for (int a = 0; a < dimension; a++) {
          for (int b = a; b < dimension; b++) {
            cov[a][b] += r[i] * diff[a] * diff[b];
          }
        }
      }
      for (int a = 0; a < dimension; a++) {
        for (int b = a; b < dimension; b++) {
          cov[a][b] /= sum;
          cov[b][a] = cov[a][b];
        }
        cov[a][a] += regularisation;
      }
      weights[k] = sum / n;
      means[k] = mean;
      covariances[k] = cov;
    }
  }

  private static double[][] seedKMeansPlusPlus(float[] samples, int dimension, int components, SplittableRandom random) {
    int n = samples.length / dimension;
    double[][] centres = new double[components][];
    centres[0] = sampleAt(samples, dimension, random.nextInt(n));
    double[] distance = new double[n];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    for (int k = 1; k < components; k++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        distance[i] = Math.min(distance[i], squaredDistance(samples, i * dimension, centres[k - 1]));
        total += distance[i];
      }
      // Draw the next centre with probability proportional to the squared distance.
      double target = random.nextDouble() * total;
      int chosen = n - 1;
      double cumulative = 0;
      for (int i = 0; i < n; i++) {
        cumulative += distance[i];
        if (cumulative >= target) {
          chosen = i;
          break;
        }
      }
      centres[k] = sampleAt(samples, dimension, chosen);
    }
    return centres;
  }

  private static void assignNearest(float[] samples, int dimension, double[][] centres, int[] assignment) {
    for (int i = 0; i < assignment.length; i++) {
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int k = 0; k < centres.length; k++) {
        double distance = squaredDistance(samples, i * dimension, centres[k]);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = k;
        }
      }
      assignment[i] = best;
    }
  }

  private static void updateMeans(float[] samples, int dimension, double[][] centres, int[] assignment) {
    double[][] sums = new double[centres.length][dimension];
    int[] counts = new int[centres.length];
    for (int i = 0; i < assignment.length; i++) {
      counts[assignment[i]]++;
      for (int d = 0; d < dimension; d++) {
        sums[assignment[i]][d] += samples[i * dimension + d];
      }
    }
    for (int k = 0; k < centres.length; k++) {
      if (counts[k] > 0) {
        for (int d = 0; d < dimension; d++) {
          centres[k][d] = sums[k][d] / counts[k];
        }
      }
    }
  }

  private static double squaredDistance(float[] samples, int offset, double[] centre) {
    double sum = 0;
    for (int d = 0; d < centre.length; d++) {
      double diff = samples[offset + d] - centre[d];
      sum += diff * diff;
    }
    return sum;
  }

  private static double[] sampleAt(float[] samples, int dimension, int index) {
    double[] x = new double[dimension];
    for (int d = 0; d < dimension; d++) {
      x[d] = samples[index * dimension + d];
    }
    return x;
  }

  private static CholeskyDecomposition cholesky(double[][] covariance) {
    RealMatrix matrix = new Array2DRowRealMatrix(covariance, false);
    try {
      return new CholeskyDecomposition(matrix, 1e-9, 1e-12);
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new IllegalStateException("a mixture covariance is not positive definite: " + Arrays.deepToString(covariance), e);
    }
  }
}
