package io.github.bratsensemble.segmentor.schedule;

import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks concurrently on the available devices: each GPU runs at most {@code slotsPerGpu}
 * tasks at a time, and CPU tasks share a pool of {@code cpuSlots} threads. With G GPUs, one slot
 * each and N GPU tasks of equal length, the wall time is ceil(N/G) task lengths.
 *
 * <p>Placement: {@code required} tasks run on a GPU, or are rejected when there is none;
 * {@code optional} tasks run on a GPU when the machine has one, else on the CPU; {@code none}
 * tasks run on the CPU. GPU slots are handed out round robin, so the first tasks land on
 * different GPUs. A task that is waiting occupies no slot.
 *
 * <p>Instances are not reusable: each call to {@link #run} creates and shuts down its own threads.
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

  private final List<Gpu> gpus;
  private final int slotsPerGpu;
  private final int cpuSlots;

  public Scheduler(List<Gpu> gpus, int slotsPerGpu, int cpuSlots) {
    if (slotsPerGpu < 1 || cpuSlots < 1) {
      throw new IllegalArgumentException(
          "slots per GPU and CPU slots must be at least 1 but were " + slotsPerGpu + " and " + cpuSlots);
    }
    this.gpus = List.copyOf(gpus);
    this.slotsPerGpu = slotsPerGpu;
    this.cpuSlots = cpuSlots;
  }

  /**
   * Runs every task and returns the results in the order of {@code tasks}.
   *
   * @throws InterruptedException when interrupted; running tasks are interrupted too
   */
  public <R> List<R> run(List<? extends Task<R>> tasks) throws InterruptedException {
    int gpuThreads = gpus.size() * slotsPerGpu;
    BlockingQueue<Device> gpuSlots = new ArrayBlockingQueue<>(Math.max(1, gpuThreads));
    for (int slot = 0; slot < slotsPerGpu; slot++) {
      for (Gpu gpu : gpus) {
        gpuSlots.add(Device.of(gpu));
      }
    }
    ExecutorService gpuPool = gpuThreads == 0 ? null : Executors.newFixedThreadPool(gpuThreads, named("gpu"));
    ExecutorService cpuPool = Executors.newFixedThreadPool(cpuSlots, named("cpu"));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (Task<R> task : tasks) {
        futures.add(submit(task, gpuPool, cpuPool, gpuSlots));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      shutdown(gpuPool);
      shutdown(cpuPool);
    }
  }

  private <R> Future<R> submit(Task<R> task, ExecutorService gpuPool, ExecutorService cpuPool,
      BlockingQueue<Device> gpuSlots) {
    GpuRequirement requirement = task.gpuRequirement();
    boolean onGpu = requirement == GpuRequirement.REQUIRED
        || (requirement == GpuRequirement.OPTIONAL && gpuPool != null);
    if (onGpu && gpuPool == null) {
      return java.util.concurrent.CompletableFuture.completedFuture(
          task.rejected("requires a GPU but none is available"));
    }
    if (!onGpu) {
      return cpuPool.submit(() -> task.run(Device.cpu()));
    }
    return gpuPool.submit(() -> {
      // The pool has one thread per slot and each thread takes at most one slot, so a free slot is always available.
      Device device = gpuSlots.take();
      try {
        return task.run(device);
      } finally {
        gpuSlots.add(device);
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

  private static void shutdown(ExecutorService pool) {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "segmentor-" + prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
