package io.github.bratsensemble.inference.onnx;

import java.util.Arrays;

/**
 * A dense float tensor in row-major (C) order: the last dimension varies fastest. The data array is
 * shared, not copied.
 */
public record Tensor(float[] data, long[] shape) {

  public Tensor {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (count != data.length) {
      throw new IllegalArgumentException(
          "tensor shape " + Arrays.toString(shape) + " needs " + count + " values but has " + data.length);
    }
  }

  /** Returns the size of dimension {@code axis}. */
  public int dim(int axis) {
    return (int) shape[axis];
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
