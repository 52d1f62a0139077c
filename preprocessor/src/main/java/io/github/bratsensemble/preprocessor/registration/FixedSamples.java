package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.SplittableRandom;

/**
 * Voxel centres of the fixed image at which a level evaluates the metric: their world positions
 * (RAS+ mm, x, y, z per sample) and fixed intensities. Voxels are drawn independently with equal
 * probability from the candidates (all voxels, or those inside the fixed mask), so the sample count
 * is close to the requested count. The draw depends only on the image, the mask and the seed.
 */
record FixedSamples(double[] positions, float[] values) {

  int count() {
    return values.length;
  }

  static FixedSamples draw(FloatVolume fixed, LabelVolume mask, int requested, long seed) {
    Dimensions d = fixed.grid().dimensions();
    boolean[] candidate = candidates(fixed, mask);
    int candidateCount = 0;
    for (boolean c : candidate) {
      candidateCount += c ? 1 : 0;
    }
    if (candidateCount == 0) {
      throw new RegistrationException("the fixed-image mask does not cover any voxel of the fixed image");
    }
    double probability = Math.min(1.0, (double) requested / candidateCount);
    SplittableRandom random = new SplittableRandom(seed);
    int capacity = (int) Math.min(candidateCount, Math.ceil(probability * candidateCount) + 64);
    double[] positions = new double[3 * capacity];
    float[] values = new float[capacity];
    int count = 0;
    Affine affine = fixed.grid().affine();
    float[] voxels = fixed.voxelArray();
    for (int i = 0; i < candidate.length; i++) {
      if (!candidate[i] || (probability < 1 && random.nextDouble() >= probability)) {
        continue;
      }
      if (count == values.length) {
        values = java.util.Arrays.copyOf(values, 2 * count);
        positions = java.util.Arrays.copyOf(positions, 6 * count);
      }
      int x = i % d.nx();
      int y = (i / d.nx()) % d.ny();
      int z = i / (d.nx() * d.ny());
      positions[3 * count] = affine.applyX(x, y, z);
      positions[3 * count + 1] = affine.applyY(x, y, z);
      positions[3 * count + 2] = affine.applyZ(x, y, z);
      values[count] = voxels[i];
      count++;
    }
    return new FixedSamples(java.util.Arrays.copyOf(positions, 3 * count), java.util.Arrays.copyOf(values, count));
  }

  private static boolean[] candidates(FloatVolume fixed, LabelVolume mask) {
    Dimensions d = fixed.grid().dimensions();
    boolean[] result = new boolean[d.voxelCount()];
    if (mask == null) {
      java.util.Arrays.fill(result, true);
      return result;
    }
    Affine toMask = mask.grid().affine().inverse().compose(fixed.grid().affine());
    Dimensions m = mask.grid().dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          int mx = (int) Math.floor(toMask.applyX(x, y, z) + 0.5);
          int my = (int) Math.floor(toMask.applyY(x, y, z) + 0.5);
          int mz = (int) Math.floor(toMask.applyZ(x, y, z) + 0.5);
          if (mx >= 0 && my >= 0 && mz >= 0 && mx < m.nx() && my < m.ny() && mz < m.nz()) {
            result[d.index(x, y, z)] = mask.label(mx, my, mz) != 0;
          }
        }
      }
    }
    return result;
  }
}
