package io.github.bratsensemble.imaging.conform;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.stream.IntStream;

/**
 * Resampling loops used by {@link Conformer}: every output voxel index is mapped through an affine
 * to a continuous source voxel position and sampled there. Points outside the source grid read 0.
 * Slices along z are processed in parallel; the methods are thread-safe.
 */
final class VoxelSampling {
  /** Distance in voxels beyond the last voxel centre that still counts as inside the grid. */
  private static final double EDGE_TOLERANCE = 1e-4;

  private VoxelSampling() {}

  /** Trilinear interpolation; a point counts as inside when it lies between the first and last voxel centres. */
  static float[] trilinear(float[] source, Dimensions sourceDims, Dimensions outDims, Affine outToSource) {
    float[] out = new float[outDims.voxelCount()];
    int sx = sourceDims.nx();
    int sy = sourceDims.ny();
    int sz = sourceDims.nz();
    int sliceStride = sx * sy;
    IntStream.range(0, outDims.nz()).parallel().forEach(z -> {
      int index = z * outDims.nx() * outDims.ny();
      for (int y = 0; y < outDims.ny(); y++) {
        double bx = outToSource.applyX(0, y, z);
        double by = outToSource.applyY(0, y, z);
        double bz = outToSource.applyZ(0, y, z);
        for (int x = 0; x < outDims.nx(); x++, index++) {
          double px = clampToEdge(bx + x * outToSource.get(0, 0), sx);
          double py = clampToEdge(by + x * outToSource.get(1, 0), sy);
          double pz = clampToEdge(bz + x * outToSource.get(2, 0), sz);
          if (Double.isNaN(px) || Double.isNaN(py) || Double.isNaN(pz)) {
            continue;
          }
          int x0 = Math.min((int) px, sx - 1);
          int y0 = Math.min((int) py, sy - 1);
          int z0 = Math.min((int) pz, sz - 1);
          int x1 = Math.min(x0 + 1, sx - 1);
          int y1 = Math.min(y0 + 1, sy - 1);
          int z1 = Math.min(z0 + 1, sz - 1);
          double fx = px - x0;
          double fy = py - y0;
          double fz = pz - z0;
          int o00 = y0 * sx + z0 * sliceStride;
          int o10 = y1 * sx + z0 * sliceStride;
          int o01 = y0 * sx + z1 * sliceStride;
          int o11 = y1 * sx + z1 * sliceStride;
          double c00 = source[o00 + x0] + fx * (source[o00 + x1] - source[o00 + x0]);
          double c10 = source[o10 + x0] + fx * (source[o10 + x1] - source[o10 + x0]);
          double c01 = source[o01 + x0] + fx * (source[o01 + x1] - source[o01 + x0]);
          double c11 = source[o11 + x0] + fx * (source[o11 + x1] - source[o11 + x0]);
          double c0 = c00 + fy * (c10 - c00);
          double c1 = c01 + fy * (c11 - c01);
          out[index] = (float) (c0 + fz * (c1 - c0));
        }
      }
    });
    return out;
  }

  /** Nearest-neighbour sampling of a label array. */
  static byte[] nearest(byte[] source, Dimensions sourceDims, Dimensions outDims, Affine outToSource) {
    byte[] out = new byte[outDims.voxelCount()];
    int sx = sourceDims.nx();
    int sy = sourceDims.ny();
    int sz = sourceDims.nz();
    IntStream.range(0, outDims.nz()).parallel().forEach(z -> {
      int index = z * outDims.nx() * outDims.ny();
      for (int y = 0; y < outDims.ny(); y++) {
        double bx = outToSource.applyX(0, y, z);
        double by = outToSource.applyY(0, y, z);
        double bz = outToSource.applyZ(0, y, z);
        for (int x = 0; x < outDims.nx(); x++, index++) {
          long ix = Math.round(bx + x * outToSource.get(0, 0));
          long iy = Math.round(by + x * outToSource.get(1, 0));
          long iz = Math.round(bz + x * outToSource.get(2, 0));
          if (ix >= 0 && iy >= 0 && iz >= 0 && ix < sx && iy < sy && iz < sz) {
            out[index] = source[(int) ix + sx * ((int) iy + sy * (int) iz)];
          }
        }
      }
    });
    return out;
  }

  /**
   * Label-aware linear sampling: each label's indicator is interpolated trilinearly and the label
   * with the largest weight wins; corners outside the source grid count as label 0. On a tie the
   * nearest corner's label wins when it is among the tied labels, otherwise the smallest, so a
   * half-voxel offset between the grids shifts boundaries by half a voxel instead of eroding every
   * larger label. A point that falls exactly on a source voxel centre takes that voxel's label.
   */
  static byte[] labelLinear(byte[] source, Dimensions sourceDims, Dimensions outDims, Affine outToSource) {
    byte[] out = new byte[outDims.voxelCount()];
    int sx = sourceDims.nx();
    int sy = sourceDims.ny();
    int sz = sourceDims.nz();
    IntStream.range(0, outDims.nz()).parallel().forEach(z -> {
      int[] labels = new int[8];
      double[] weights = new double[8];
      int index = z * outDims.nx() * outDims.ny();
      for (int y = 0; y < outDims.ny(); y++) {
        double bx = outToSource.applyX(0, y, z);
        double by = outToSource.applyY(0, y, z);
        double bz = outToSource.applyZ(0, y, z);
        for (int x = 0; x < outDims.nx(); x++, index++) {
          double px = bx + x * outToSource.get(0, 0);
          double py = by + x * outToSource.get(1, 0);
          double pz = bz + x * outToSource.get(2, 0);
          if (px <= -1 || py <= -1 || pz <= -1 || px >= sx || py >= sy || pz >= sz) {
            continue;
          }
          int x0 = (int) Math.floor(px);
          int y0 = (int) Math.floor(py);
          int z0 = (int) Math.floor(pz);
          double fx = px - x0;
          double fy = py - y0;
          double fz = pz - z0;
          int distinct = 0;
          for (int corner = 0; corner < 8; corner++) {
            int cx = x0 + (corner & 1);
            int cy = y0 + ((corner >> 1) & 1);
            int cz = z0 + ((corner >> 2) & 1);
            double w = ((corner & 1) == 0 ? 1 - fx : fx)
                * (((corner >> 1) & 1) == 0 ? 1 - fy : fy)
                * (((corner >> 2) & 1) == 0 ? 1 - fz : fz);
            if (w == 0) {
              continue;
            }
            int label = 0;
            if (cx >= 0 && cy >= 0 && cz >= 0 && cx < sx && cy < sy && cz < sz) {
              label = source[cx + sx * (cy + sy * cz)] & 0xFF;
            }
            int slot = 0;
            while (slot < distinct && labels[slot] != label) {
              slot++;
            }
            if (slot == distinct) {
              labels[slot] = label;
              weights[slot] = 0;
              distinct++;
            }
            weights[slot] += w;
          }
          int nearest = labelAt(source, sourceDims, (int) Math.floor(px + 0.5), (int) Math.floor(py + 0.5),
              (int) Math.floor(pz + 0.5));
          int best = 0;
          for (int slot = 1; slot < distinct; slot++) {
            if (weights[slot] > weights[best] || (weights[slot] == weights[best] && winsTie(labels[slot], labels[best], nearest))) {
              best = slot;
            }
          }
          out[index] = (byte) labels[best];
        }
      }
    });
    return out;
  }

  /** Returns the label at (x, y, z), or 0 outside the grid. */
  private static int labelAt(byte[] source, Dimensions d, int x, int y, int z) {
    if (x < 0 || y < 0 || z < 0 || x >= d.nx() || y >= d.ny() || z >= d.nz()) {
      return 0;
    }
    return source[x + d.nx() * (y + d.ny() * z)] & 0xFF;
  }

  /** Returns whether {@code label} beats {@code best} at equal weight, given the nearest corner's label. */
  private static boolean winsTie(int label, int best, int nearest) {
    return label == nearest || (best != nearest && label < best);
  }

  /** Returns p, snapped to the edge when it is within tolerance outside [0, n-1], or NaN when it is further out. */
  private static double clampToEdge(double p, int n) {
    if (p >= 0 && p <= n - 1) {
      return p;
    }
    if (p < 0 && p > -EDGE_TOLERANCE) {
      return 0;
    }
    if (p > n - 1 && p < n - 1 + EDGE_TOLERANCE) {
      return n - 1;
    }
    return Double.NaN;
  }
}
