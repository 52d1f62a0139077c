package io.github.bratsensemble.fusionator.labels;

import java.util.Arrays;

/**
 * A binary mask over the active voxels of a {@link LabelStack}, packed 64 voxels per {@code long}
 * so that overlaps are counted with {@link Long#bitCount}. Immutable and thread-safe.
 */
public final class BitMask {
  private final long[] words;
  private final int size;
  private final int cardinality;

  private BitMask(long[] words, int size) {
    this.words = words;
    this.size = size;
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    this.cardinality = count;
  }

  /** Returns the mask of the voxels whose label (read unsigned) is a member of {@code members}. */
  public static BitMask of(byte[] labels, boolean[] members) {
    long[] words = new long[wordCount(labels.length)];
    for (int i = 0; i < labels.length; i++) {
      if (members[labels[i] & 0xFF]) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return new BitMask(words, labels.length);
  }

  /** Returns the mask of the voxels where {@code values[i] != 0}. */
  public static BitMask ofNonZero(byte[] values) {
    long[] words = new long[wordCount(values.length)];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return new BitMask(words, values.length);
  }

  /** Returns a mask builder; the words it fills become the mask. */
  public static Builder builder(int size) {
    return new Builder(size);
  }

  private static int wordCount(int size) {
    return (size + 63) >>> 6;
  }

  public int size() {
    return size;
  }

  public boolean get(int i) {
    return (words[i >>> 6] & (1L << i)) != 0;
  }

  /** Returns the number of voxels in the mask. */
  public int cardinality() {
    return cardinality;
  }

  public boolean isEmpty() {
    return cardinality == 0;
  }

  /** Returns the number of voxels in both masks. */
  public int intersectionCount(BitMask other) {
    requireSameSize(other);
    int count = 0;
    for (int w = 0; w < words.length; w++) {
      count += Long.bitCount(words[w] & other.words[w]);
    }
    return count;
  }

  /**
   * Returns the Dice coefficient 2|A∩B| / (|A| + |B|), or {@code bothEmptyValue} when both masks
   * are empty.
   */
  public double dice(BitMask other, double bothEmptyValue) {
    int sum = cardinality + other.cardinality;
    if (sum == 0) {
      return bothEmptyValue;
    }
    return 2.0 * intersectionCount(other) / sum;
  }

  /** Returns the Jaccard index |A∩B| / |A∪B|, or {@code bothEmptyValue} when both are empty. */
  public double jaccard(BitMask other, double bothEmptyValue) {
    int intersection = intersectionCount(other);
    int union = cardinality + other.cardinality - intersection;
    if (union == 0) {
      return bothEmptyValue;
    }
    return (double) intersection / union;
  }

  /** Returns the voxels in this mask and in {@code other}. */
  public BitMask and(BitMask other) {
    requireSameSize(other);
    long[] result = new long[words.length];
    for (int w = 0; w < words.length; w++) {
      result[w] = words[w] & other.words[w];
    }
    return new BitMask(result, size);
  }

  /** Returns the indices of the set voxels, ascending. */
  public int[] toIndices() {
    int[] indices = new int[cardinality];
    int k = 0;
    for (int w = 0; w < words.length; w++) {
      long word = words[w];
      while (word != 0) {
        indices[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    return indices;
  }

  private void requireSameSize(BitMask other) {
    if (other.size != size) {
      throw new IllegalArgumentException("masks have " + size + " and " + other.size + " voxels");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitMask other && size == other.size && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words) * 31 + size;
  }

  @Override
  public String toString() {
    return "BitMask(" + cardinality + " of " + size + ")";
  }

  /** Fills a mask bit by bit; not thread-safe, used once. */
  public static final class Builder {
    private final long[] words;
    private final int size;

    private Builder(int size) {
      this.size = size;
      this.words = new long[wordCount(size)];
    }

    public Builder set(int i) {
      if (i < 0 || i >= size) {
        throw new IndexOutOfBoundsException("voxel " + i + " outside mask of " + size);
      }
      words[i >>> 6] |= 1L << i;
      return this;
    }

    public BitMask build() {
      return new BitMask(words.clone(), size);
    }
  }
}
