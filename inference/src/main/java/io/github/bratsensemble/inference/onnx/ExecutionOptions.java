package io.github.bratsensemble.inference.onnx;

/**
 * Where and how ONNX Runtime runs a model.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one operator; 0 lets it choose (one per core)
 * @param gpuDevice CUDA device index, or {@link #CPU} to run on the CPU
 */
public record ExecutionOptions(int intraOpThreads, int gpuDevice) {
  /** The {@code gpuDevice} value that selects the CPU. */
  public static final int CPU = -1;

  public ExecutionOptions {
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intra-op thread count must be 0 (automatic) or positive but was " + intraOpThreads);
    }
    if (gpuDevice < CPU) {
      throw new IllegalArgumentException("GPU device index must be 0 or more, or -1 for the CPU, but was " + gpuDevice);
    }
  }

  /** Returns CPU execution with ONNX Runtime's default thread count. */
  public static ExecutionOptions cpu() {
    return new ExecutionOptions(0, CPU);
  }

  public static ExecutionOptions cpu(int intraOpThreads) {
    return new ExecutionOptions(intraOpThreads, CPU);
  }

  /** Returns CUDA execution on {@code device}, falling back to the CPU when CUDA cannot be initialised. */
  public static ExecutionOptions cuda(int device) {
    return new ExecutionOptions(0, device);
  }

  public boolean wantsGpu() {
    return gpuDevice != CPU;
  }
}
