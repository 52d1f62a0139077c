package io.github.bratsensemble.algorithms.phantom;

import java.util.SplittableRandom;

/**
 * A tumour of random shape: a necrotic core, an enhancing rim around it and oedema around both.
 * Each boundary is a sphere whose radius varies with direction {@code u} as
 * {@code r (1 + sum a_k cos(2 pi f_k . u + phase_k))}, with three random terms per boundary, so the
 * layers are lobulated but always nested.
 */
final class Lesion {
  private static final int TERMS = 3;

  private final double[] centre;
  private final double necrosisRadius;
  private final double rimThickness;
  private final double edemaExtent;
  private final double[][] shapes;

  Lesion(double[] centre, double necrosisRadius, double rimThickness, double edemaExtent, SplittableRandom random) {
    this.centre = centre;
    this.necrosisRadius = necrosisRadius;
    this.rimThickness = rimThickness;
    this.edemaExtent = edemaExtent;
    this.shapes = new double[3][];
    double[] amplitudes = {0.15, 0.25, 0.35};
    for (int layer = 0; layer < 3; layer++) {
      shapes[layer] = randomShape(random, amplitudes[layer]);
    }
  }

  /** Returns the largest distance from the centre that any layer can reach, in voxels. */
  double maxRadius() {
    return (necrosisRadius * 1.5 + rimThickness * 1.8 + edemaExtent * 2.1) + 2;
  }

  double[] centre() {
    return centre;
  }

  /**
   * Returns the tissue at offset (dx, dy, dz) from the centre: NECROSIS, ENHANCING or EDEMA, or
   * null outside the lesion; {@code edemaDepth} receives how far inside the oedema boundary the
   * point lies, in voxels.
   */
  Tissue tissueAt(double dx, double dy, double dz, double[] edemaDepth) {
    double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double ux = distance > 0 ? dx / distance : 1;
    double uy = distance > 0 ? dy / distance : 0;
    double uz = distance > 0 ? dz / distance : 0;
    double necrosis = necrosisRadius * factor(shapes[0], ux, uy, uz);
    double enhancing = necrosis + rimThickness * factor(shapes[1], ux, uy, uz);
    double edema = enhancing + edemaExtent * factor(shapes[2], ux, uy, uz);
    edemaDepth[0] = edema - distance;
    if (distance < necrosis) {
      return Tissue.NECROSIS;
    }
    if (distance < enhancing) {
      return Tissue.ENHANCING;
    }
    if (distance < edema) {
      return Tissue.EDEMA;
    }
    return null;
  }

  private static double factor(double[] shape, double ux, double uy, double uz) {
    double value = 1;
    for (int k = 0; k < TERMS; k++) {
      int o = k * 5;
      value += shape[o] * Math.cos(2 * Math.PI * (shape[o + 1] * ux + shape[o + 2] * uy + shape[o + 3] * uz) + shape[o + 4]);
    }
    return Math.max(0.3, value);
  }

  private static double[] randomShape(SplittableRandom random, double maxAmplitude) {
    double[] shape = new double[TERMS * 5];
    for (int k = 0; k < TERMS; k++) {
      shape[k * 5] = random.nextDouble(0.3, 1.0) * maxAmplitude / TERMS * 1.5;
      for (int d = 1; d <= 3; d++) {
        shape[k * 5 + d] = random.nextDouble(-1.2, 1.2);
      }
      shape[k * 5 + 4] = random.nextDouble(0, 2 * Math.PI);
    }
    return shape;
  }
}
