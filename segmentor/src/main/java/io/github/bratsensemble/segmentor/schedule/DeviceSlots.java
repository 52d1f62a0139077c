package io.github.bratsensemble.segmentor.schedule;

import io.github.bratsensemble.segmentor.gpu.Gpu;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The places where algorithms may run at the same time: {@code slotsPerGpu} slots on each GPU and
 * {@code cpuSlots} slots on the CPU. One instance shared by several {@link Scheduler#run} calls
 * (the cases of a batch) bounds them together, so two cases never put more algorithms on a GPU
 * than it has slots.
 *
 * <p>GPU slots are handed out round robin, so the first holders land on different GPUs; callers
 * waiting for a slot are served first come, first served. Thread-safe.
 */
public final class DeviceSlots {
  private final List<Gpu> gpus;
  private final int slotsPerGpu;
  private final int cpuSlots;
  private final BlockingQueue<Device> freeGpuSlots;
  private final Semaphore freeCpuSlots;

  /**
   * @throws IllegalArgumentException when {@code slotsPerGpu} or {@code cpuSlots} is below 1
   */
  public DeviceSlots(List<Gpu> gpus, int slotsPerGpu, int cpuSlots) {
    if (slotsPerGpu < 1 || cpuSlots < 1) {
      throw new IllegalArgumentException(
          "slots per GPU and CPU slots must be at least 1 but were " + slotsPerGpu + " and " + cpuSlots);
    }
    this.gpus = List.copyOf(gpus);
    this.slotsPerGpu = slotsPerGpu;
    this.cpuSlots = cpuSlots;
    this.freeGpuSlots = new ArrayBlockingQueue<>(Math.max(1, this.gpus.size() * slotsPerGpu), true);
    for (int slot = 0; slot < slotsPerGpu; slot++) {
      for (Gpu gpu : this.gpus) {
        freeGpuSlots.add(Device.of(gpu));
      }
    }
    this.freeCpuSlots = new Semaphore(cpuSlots, true);
  }

  public List<Gpu> gpus() {
    return gpus;
  }

  public boolean hasGpu() {
    return !gpus.isEmpty();
  }

  public int slotsPerGpu() {
    return slotsPerGpu;
  }

  public int cpuSlots() {
    return cpuSlots;
  }

  /**
   * Waits for a free slot on any GPU and takes it. Give it back with {@link #release}.
   *
   * @throws IllegalStateException when there is no GPU
   * @throws InterruptedException when interrupted while waiting; no slot is taken then
   */
  public Device acquireGpu() throws InterruptedException {
    if (gpus.isEmpty()) {
      throw new IllegalStateException("no GPU to acquire a slot on");
    }
    return freeGpuSlots.take();
  }

  /**
   * Waits for a free CPU slot and takes it. Give it back with {@link #release}.
   *
   * @throws InterruptedException when interrupted while waiting; no slot is taken then
   */
  public Device acquireCpu() throws InterruptedException {
    freeCpuSlots.acquire();
    return Device.cpu();
  }

  /** Gives back a slot taken with {@link #acquireGpu} or {@link #acquireCpu}. */
  public void release(Device device) {
    if (device.isGpu()) {
      freeGpuSlots.add(device);
    } else {
      freeCpuSlots.release();
    }
  }
}
