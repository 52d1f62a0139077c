package io.github.bratsensemble.algorithms.phantom;

/**
 * Tissue classes of the phantom with their relative signal on each sequence (1.0 is about the
 * brightest tissue of that sequence). The order of magnitude follows typical 1.5-3 T brain
 * imaging: on T1 white matter is brighter than grey matter and CSF is dark; on T2 CSF is
 * brightest and white matter darker than grey matter; FLAIR is T2-weighted with CSF suppressed;
 * T1c equals T1 except where the blood-brain barrier is broken (the enhancing tumour).
 */
enum Tissue {
  BACKGROUND(0, 0, 0, 0),
  SCALP(0.95, 0.95, 0.55, 0.70),
  SKULL(0.12, 0.12, 0.08, 0.08),
  CSF(0.25, 0.27, 1.00, 0.12),
  GREY_MATTER(0.55, 0.57, 0.60, 0.54),
  WHITE_MATTER(0.78, 0.79, 0.45, 0.48),
  EDEMA(0.50, 0.52, 0.85, 0.92),
  ENHANCING(0.58, 1.15, 0.70, 0.78),
  NECROSIS(0.32, 0.33, 0.95, 0.55);

  private final double[] signal;

  Tissue(double t1, double t1c, double t2, double flair) {
    this.signal = new double[] {t1, t1c, t2, flair};
  }

  /** Returns the relative signal on sequence 0 (T1), 1 (T1c), 2 (T2) or 3 (FLAIR). */
  double signal(int sequence) {
    return signal[sequence];
  }

  static final Tissue[] VALUES = values();
}
