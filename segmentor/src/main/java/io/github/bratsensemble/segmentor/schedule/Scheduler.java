package io.github.bratsensemble.segmentor.schedule;

import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks concurrently on the available devices: each GPU runs at most {@code slotsPerGpu}
 * tasks at a time, and CPU tasks share {@code cpuSlots} slots. With G GPUs, one slot each and N GPU
 * tasks of equal length, the wall time is ceil(N/G) task lengths. The slots are a {@link
 * DeviceSlots}, which several schedulers running at the same time may share.
 *
 * <p>Placement: {@code required} tasks run on a GPU, or are rejected when there is none;
 * {@code optional} tasks run on a GPU when the machine has one, else on the CPU; {@code none}
 * tasks run on the CPU. A task that is waiting occupies no slot.
 *
 * <p>Each call to {@link #run} creates and shuts down its own threads; calls may overlap.
 */
public final class Scheduler {

  /** A unit of work that the scheduler places on a device. */
  public interface Task<R> {
    GpuRequirement gpuRequirement();

    /** Runs on {@code device}; must report failures in its result instead of throwing. */
    R run(Device device);

    /** Returns the result for a task that cannot be placed, with the reason. */
    R rejected(String reason);
  }

  private final DeviceSlots slots;

  /** Creates a scheduler with slots of its own. */
  public Scheduler(List<Gpu> gpus, int slotsPerGpu, int cpuSlots) {
    this(new DeviceSlots(gpus, slotsPerGpu, cpuSlots));
  }

  /** Creates a scheduler that takes its slots from {@code slots}, possibly shared with other schedulers. */
  public Scheduler(DeviceSlots slots) {
    this.slots = slots;
  }

  /**
   * Runs every task and returns the results in the order of {@code tasks}.
   *
   * @throws InterruptedException when interrupted; running tasks are interrupted too
   */
  public <R> List<R> run(List<? extends Task<R>> tasks) throws InterruptedException {
    // One thread per task: a thread waiting for a slot has none, and the slots bound the work.
    ExecutorService pool = tasks.isEmpty() ? null : Executors.newFixedThreadPool(tasks.size(), named());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (Task<R> task : tasks) {
        futures.add(submit(task, pool));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private <R> Future<R> submit(Task<R> task, ExecutorService pool) {
    GpuRequirement requirement = task.gpuRequirement();
    boolean onGpu = requirement == GpuRequirement.REQUIRED
        || (requirement == GpuRequirement.OPTIONAL && slots.hasGpu());
    if (onGpu && !slots.hasGpu()) {
      return CompletableFuture.completedFuture(task.rejected("requires a GPU but none is available"));
    }
    return pool.submit(() -> {
      Device device = onGpu ? slots.acquireGpu() : slots.acquireCpu();
      try {
        return task.run(device);
      } finally {
        slots.release(device);
      }
    });
  }

  private static <R> R await(Future<R> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("task failed", cause);
    }
  }

  private static ThreadFactory named() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "segmentor-task-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
