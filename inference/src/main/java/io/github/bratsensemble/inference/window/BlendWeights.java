package io.github.bratsensemble.inference.window;

/** Per-voxel weights of one patch, x fastest. */
public final class BlendWeights {
  private BlendWeights() {}

  /** Returns the weights for a patch of {@code px * py * pz} voxels. */
  public static float[] of(Blending blending, int px, int py, int pz) {
    float[] weights = new float[px * py * pz];
    if (blending == Blending.CONSTANT) {
      java.util.Arrays.fill(weights, 1f);
      return weights;
    }
    double[] wx = gaussian(px);
    double[] wy = gaussian(py);
    double[] wz = gaussian(pz);
    int i = 0;
    for (int z = 0; z < pz; z++) {
      for (int y = 0; y < py; y++) {
        for (int x = 0; x < px; x++) {
          weights[i++] = (float) (wx[x] * wy[y] * wz[z]);
        }
      }
    }
    return weights;
  }

  /** A Gaussian of sigma n/8 centred at (n - 1) / 2 with peak 1 at the centre. */
  private static double[] gaussian(int n) {
    double sigma = n / 8.0;
    double centre = (n - 1) / 2.0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double d = i - centre;
      w[i] = Math.exp(-d * d / (2 * sigma * sigma));
    }
    return w;
  }
}
