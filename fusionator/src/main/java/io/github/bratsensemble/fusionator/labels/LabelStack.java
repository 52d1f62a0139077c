package io.github.bratsensemble.fusionator.labels;

import io.github.bratsensemble.imaging.geometry.Grid;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The label maps of one case restricted to their active voxels: the voxels where at least one
 * input is non-background. Every voxel outside that set is background in every input, so fusion
 * methods decide it once, for all of them, and loop over the active voxels only. A brain tumour
 * covers well under 1% of the BraTS grid, which is where the speed of fusion comes from.
 *
 * <p>Active voxels are numbered 0..{@link #activeCount()}-1 in ascending flat-index order, so they
 * are in raster order. Instances are immutable and thread-safe; the arrays returned by {@link
 * #labels(int)} and {@link #voxelIndices()} are shared and must not be modified.
 */
public final class LabelStack {
  /** Voxels per parallel slab of the active-voxel scan. */
  private static final int SLAB_VOXELS = 1 << 20;

  private final Grid grid;
  private final int[] voxelIndices;
  private final byte[][] labels;

  private LabelStack(Grid grid, int[] voxelIndices, byte[][] labels) {
    this.grid = grid;
    this.voxelIndices = voxelIndices;
    this.labels = labels;
  }

  /**
   * Builds the stack of label maps that all have {@code grid.voxelCount()} voxels. The arrays are
   * read, never modified or kept.
   *
   * @throws IllegalArgumentException if there are no inputs or an array has the wrong length
   */
  public static LabelStack of(Grid grid, List<byte[]> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one label map is required");
    }
    int voxelCount = grid.voxelCount();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).length != voxelCount) {
        throw new IllegalArgumentException("label map " + i + " has " + inputs.get(i).length
            + " voxels but the grid " + grid.dimensions() + " has " + voxelCount);
      }
    }
    byte[][] arrays = inputs.toArray(new byte[0][]);
    int[] active = findActive(arrays, voxelCount);

    byte[][] compact = new byte[arrays.length][];
    IntStream.range(0, arrays.length).parallel().forEach(input -> {
      byte[] source = arrays[input];
      byte[] target = new byte[active.length];
      for (int k = 0; k < active.length; k++) {
        target[k] = source[active[k]];
      }
      compact[input] = target;
    });
    return new LabelStack(grid, active, compact);
  }

  /**
   * Finds the voxels where any input is non-zero. {@link Arrays#mismatch} against zeros skips runs
   * of background eight or more bytes at a time (it is a JIT intrinsic), so the cost follows the
   * number of non-zero voxels rather than the grid size, even before the JIT has compiled this
   * code; a short-lived command spends most of its time in that state.
   */
  private static int[] findActive(byte[][] arrays, int voxelCount) {
    int slabs = (voxelCount + SLAB_VOXELS - 1) / SLAB_VOXELS;
    int[][] perSlab = new int[slabs][];
    byte[] zeros = new byte[Math.min(voxelCount, SLAB_VOXELS)];
    IntStream.range(0, slabs).parallel().forEach(slab -> {
      int start = slab * SLAB_VOXELS;
      int end = Math.min(voxelCount, start + SLAB_VOXELS);
      long[] bits = new long[(end - start + 63) >>> 6];
      for (byte[] array : arrays) {
        int position = start;
        while (position < end) {
          int offset = Arrays.mismatch(array, position, end, zeros, 0, end - position);
          if (offset < 0) {
            break;
          }
          int local = position + offset - start;
          bits[local >>> 6] |= 1L << local;
          position += offset + 1;
        }
      }
      int count = 0;
      for (long word : bits) {
        count += Long.bitCount(word);
      }
      int[] found = new int[count];
      int k = 0;
      for (int w = 0; w < bits.length; w++) {
        long word = bits[w];
        while (word != 0) {
          found[k++] = start + (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
      }
      perSlab[slab] = found;
    });

    int total = 0;
    for (int[] slab : perSlab) {
      total += slab.length;
    }
    int[] active = new int[total];
    int offset = 0;
    for (int[] slab : perSlab) {
      System.arraycopy(slab, 0, active, offset, slab.length);
      offset += slab.length;
    }
    return active;
  }

  /**
   * Returns this stack with input {@code i}'s labels converted from {@code from.get(i)} (or the
   * single convention given) to {@code to}. Conversion never turns a label into background, so
   * the active voxels stay the same.
   *
   * @throws IllegalArgumentException if a pair of conventions does not convert
   */
  public LabelStack convert(List<LabelConvention> from, LabelConvention to) {
    byte[][] converted = new byte[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      LabelConvention source = from.size() == 1 ? from.get(0) : from.get(i);
      converted[i] = LabelConversion.convert(labels[i], source, to);
    }
    return new LabelStack(grid, voxelIndices, converted);
  }

  public Grid grid() {
    return grid;
  }

  public int inputCount() {
    return labels.length;
  }

  /** Returns the number of voxels of the full grid. */
  public int voxelCount() {
    return grid.voxelCount();
  }

  /** Returns the number of active voxels (non-background in at least one input). */
  public int activeCount() {
    return voxelIndices.length;
  }

  /** Returns the number of voxels that are background in every input. */
  public long inactiveCount() {
    return (long) grid.voxelCount() - voxelIndices.length;
  }

  /** Returns input {@code input}'s labels at the active voxels (shared, do not modify). */
  public byte[] labels(int input) {
    return labels[input];
  }

  /** Returns the flat grid index of each active voxel, ascending (shared, do not modify). */
  public int[] voxelIndices() {
    return voxelIndices;
  }

  /** Returns a mask of the active voxels where input {@code input} has a label in {@code members}. */
  public BitMask mask(int input, boolean[] members) {
    return BitMask.of(labels[input], members);
  }

  /** Returns one mask per input, as {@link #mask(int, boolean[])}. */
  public BitMask[] masks(boolean[] members) {
    BitMask[] masks = new BitMask[labels.length];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = mask(i, members);
    }
    return masks;
  }

  /** Returns the distinct non-zero labels found in any input, ascending. */
  public int[] foregroundLabelsPresent() {
    boolean[] present = new boolean[256];
    for (byte[] input : labels) {
      for (byte label : input) {
        present[label & 0xFF] = true;
      }
    }
    return IntStream.range(1, 256).filter(label -> present[label]).toArray();
  }

  /**
   * Expands labels of the active voxels to a full grid array; every inactive voxel gets {@code
   * inactiveLabel}.
   */
  public byte[] expand(byte[] activeLabels, int inactiveLabel) {
    if (activeLabels.length != voxelIndices.length) {
      throw new IllegalArgumentException("expected " + voxelIndices.length + " active labels but got "
          + activeLabels.length);
    }
    byte[] full = new byte[grid.voxelCount()];
    if (inactiveLabel != 0) {
      Arrays.fill(full, (byte) inactiveLabel);
    }
    for (int k = 0; k < voxelIndices.length; k++) {
      full[voxelIndices[k]] = activeLabels[k];
    }
    return full;
  }
}
