package io.github.bratsensemble.imaging.morphology;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.Arrays;

/**
 * Connected-component labelling of a binary mask ({@code byte[]}, non-zero = foreground) by
 * breadth-first flood fill. Components are numbered 1..count in the order of their first voxel in
 * flat index order, so the result is deterministic. Memory: one {@code int} per voxel for the
 * labels plus a queue of at most one {@code int} per foreground voxel.
 */
public final class ConnectedComponents {
  private final int[] labels;
  private final int[] sizes;

  private ConnectedComponents(int[] labels, int[] sizes) {
    this.labels = labels;
    this.sizes = sizes;
  }

  /** Labels the foreground of {@code mask} with the given connectivity. */
  public static ConnectedComponents label(byte[] mask, Dimensions dimensions, Connectivity connectivity) {
    checkLength(mask, dimensions);
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    int[][] offsets = connectivity.sharedOffsets();
    int[] labels = new int[mask.length];
    int[] queue = new int[16];
    int[] sizes = new int[16];
    int count = 0;

    for (int seed = 0; seed < mask.length; seed++) {
      if (mask[seed] == 0 || labels[seed] != 0) {
        continue;
      }
      count++;
      if (count >= sizes.length) {
        sizes = Arrays.copyOf(sizes, sizes.length * 2);
      }
      labels[seed] = count;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      while (head < tail) {
        int index = queue[head++];
        int x = index % nx;
        int y = (index / nx) % ny;
        int z = index / (nx * ny);
        for (int[] o : offsets) {
          int xx = x + o[0];
          int yy = y + o[1];
          int zz = z + o[2];
          if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
            continue;
          }
          int neighbour = xx + nx * (yy + ny * zz);
          if (mask[neighbour] != 0 && labels[neighbour] == 0) {
            labels[neighbour] = count;
            if (tail == queue.length) {
              queue = Arrays.copyOf(queue, Math.min(mask.length, queue.length * 2));
            }
            queue[tail++] = neighbour;
          }
        }
      }
      sizes[count] = tail;
    }
    return new ConnectedComponents(labels, Arrays.copyOf(sizes, count + 1));
  }

  /** Returns the number of components. */
  public int count() {
    return sizes.length - 1;
  }

  /** Returns the voxel count of component {@code component} (1..count). */
  public int size(int component) {
    return sizes[component];
  }

  /** Returns the component of each voxel, 0 for background; the array is shared, do not modify it. */
  public int[] labelArray() {
    return labels;
  }

  /** Returns the component with the most voxels (the first one on ties), or 0 if there is none. */
  public int largest() {
    int best = 0;
    for (int c = 1; c < sizes.length; c++) {
      if (best == 0 || sizes[c] > sizes[best]) {
        best = c;
      }
    }
    return best;
  }

  /** Returns a 0/1 mask of the components with at least {@code minVoxels} voxels. */
  public byte[] keepAtLeast(int minVoxels) {
    byte[] result = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      if (c != 0 && sizes[c] >= minVoxels) {
        result[i] = 1;
      }
    }
    return result;
  }

  /** Returns a 0/1 mask of the largest component, all 0 if there is none. */
  public byte[] keepLargest() {
    int best = largest();
    byte[] result = new byte[labels.length];
    if (best == 0) {
      return result;
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == best) {
        result[i] = 1;
      }
    }
    return result;
  }

  /** Returns a 0/1 mask of the components that contain at least one voxel of {@code marker}. */
  public byte[] keepTouching(byte[] marker) {
    if (marker.length != labels.length) {
      throw new IllegalArgumentException(
          "marker has " + marker.length + " voxels but the labelled mask has " + labels.length);
    }
    boolean[] touched = new boolean[sizes.length];
    for (int i = 0; i < labels.length; i++) {
      if (marker[i] != 0 && labels[i] != 0) {
        touched[labels[i]] = true;
      }
    }
    byte[] result = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (touched[labels[i]] && labels[i] != 0) {
        result[i] = 1;
      }
    }
    return result;
  }

  static void checkLength(byte[] mask, Dimensions dimensions) {
    if (mask.length != dimensions.voxelCount()) {
      throw new IllegalArgumentException(
          "mask has " + mask.length + " voxels but dimensions " + dimensions + " have " + dimensions.voxelCount());
    }
  }
}
