package io.github.bratsensemble.segmentor.schedule;

import io.github.bratsensemble.segmentor.gpu.Gpu;
import java.util.Optional;

/** The device an algorithm runs on: one GPU, or the CPU when {@code gpu} is {@code null}. */
public record Device(Gpu gpu) {
  private static final Device CPU = new Device(null);

  public static Device cpu() {
    return CPU;
  }

  public static Device of(Gpu gpu) {
    return new Device(gpu);
  }

  public boolean isGpu() {
    return gpu != null;
  }

  public Optional<Gpu> gpuIfAny() {
    return Optional.ofNullable(gpu);
  }

  /** Returns {@code cpu} or {@code gpu:N}. */
  @Override
  public String toString() {
    return gpu == null ? "cpu" : gpu.toString();
  }
}
