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
import java.util.concurrent.RejectedExecutionException;
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
    List<CompletableFuture<R>> futures = new ArrayList<>();
    List<Integer> gpuTasks = new ArrayList<>();
    List<Integer> cpuTasks = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task<R> task = tasks.get(i);
      GpuRequirement requirement = task.gpuRequirement();
      boolean onGpu = requirement == GpuRequirement.REQUIRED
          || (requirement == GpuRequirement.OPTIONAL && slots.hasGpu());
      if (onGpu && !slots.hasGpu()) {
        futures.add(CompletableFuture.completedFuture(task.rejected("requires a GPU but none is available")));
        continue;
      }
      futures.add(new CompletableFuture<>());
      (onGpu ? gpuTasks : cpuTasks).add(i);
    }

    // One thread per task: the slots bound the work, and a task waiting for a slot has none.
    // GPU tasks and CPU tasks each take their slots in submission order on a dispatcher of their
    // own, so a later task never overtakes an earlier one and one kind never waits for the other.
    ExecutorService pool = Executors.newCachedThreadPool(named());
    ExecutorService dispatchers = Executors.newFixedThreadPool(2, named());
    try {
      dispatchers.execute(() -> dispatch(tasks, gpuTasks, futures, pool, true));
      dispatchers.execute(() -> dispatch(tasks, cpuTasks, futures, pool, false));
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      dispatchers.shutdownNow();
      pool.shutdownNow();
    }
  }

  /** Takes a slot for each of {@code indices} in order and starts that task on it. */
  private <R> void dispatch(List<? extends Task<R>> tasks, List<Integer> indices, List<CompletableFuture<R>> futures,
      ExecutorService pool, boolean onGpu) {
    for (int k = 0; k < indices.size(); k++) {
      int index = indices.get(k);
      Device device;
      try {
        device = onGpu ? slots.acquireGpu() : slots.acquireCpu();
      } catch (InterruptedException e) {
        for (int rest = k; rest < indices.size(); rest++) {
          futures.get(indices.get(rest)).completeExceptionally(e);
        }
        Thread.currentThread().interrupt();
        return;
      }
      Task<R> task = tasks.get(index);
      CompletableFuture<R> future = futures.get(index);
      try {
        pool.execute(() -> {
          try {
            future.complete(task.run(device));
          } catch (Throwable t) {
            future.completeExceptionally(t);
          } finally {
            slots.release(device);
          }
        });
      } catch (RejectedExecutionException e) {
        slots.release(device);
        future.completeExceptionally(e);
      }
    }
  }

  private static <R> R await(Future<R> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
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
