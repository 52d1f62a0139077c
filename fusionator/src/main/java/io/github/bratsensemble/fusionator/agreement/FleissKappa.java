package io.github.bratsensemble.fusionator.agreement;

/**
 * Fleiss' kappa: chance-corrected agreement of a fixed number of raters assigning subjects to
 * categories (Fleiss, "Measuring nominal scale agreement among many raters", Psychological
 * Bulletin 76(5), 1971). Here raters are inputs, subjects are voxels and categories are classes.
 *
 * <p>{@code κ = (P̄ - P_e) / (1 - P_e)} with {@code P̄} the mean per-subject agreement {@code
 * (Σ_j n_ij² - n) / (n (n - 1))} and {@code P_e = Σ_j p_j²}. Counts are accumulated in longs.
 */
public final class FleissKappa {
  private FleissKappa() {}

  /**
   * Returns kappa, or NaN when it is undefined: fewer than 2 raters, no subjects, or {@code P_e = 1}
   * (every rating in one category).
   *
   * @param categories {@code categories[rater][subject]}: category index 0..categoryCount-1
   */
  public static double compute(byte[][] categories, int categoryCount) {
    int raters = categories.length;
    int subjects = raters == 0 ? 0 : categories[0].length;
    if (raters < 2 || subjects == 0) {
      return Double.NaN;
    }
    long[] totals = new long[categoryCount];
    long sumSquares = 0;
    int[] counts = new int[categoryCount];
    for (int s = 0; s < subjects; s++) {
      java.util.Arrays.fill(counts, 0);
      for (byte[] rater : categories) {
        counts[rater[s]]++;
      }
      for (int c = 0; c < categoryCount; c++) {
        sumSquares += (long) counts[c] * counts[c];
        totals[c] += counts[c];
      }
    }
    double n = raters;
    double meanAgreement = (sumSquares - subjects * n) / (subjects * n * (n - 1));
    double expected = 0;
    for (long total : totals) {
      double p = total / (subjects * n);
      expected += p * p;
    }
    if (expected >= 1) {
      return Double.NaN;
    }
    return (meanAgreement - expected) / (1 - expected);
  }
}
