package io.github.bratsensemble.segmentor.gpu;

/**
 * One GPU as reported by {@code nvidia-smi}.
 *
 * @param index the device index that {@code --gpus device=N} and {@code CUDA_VISIBLE_DEVICES} use
 * @param uuid the stable device UUID
 * @param memoryTotalBytes total device memory
 * @param memoryUsedBytes memory in use when the inventory was taken
 */
public record Gpu(int index, String uuid, String name, long memoryTotalBytes, long memoryUsedBytes) {

  @Override
  public String toString() {
    return "gpu:" + index;
  }
}
