package io.github.bratsensemble.imaging.resample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work over the z slices of a volume on several threads, in contiguous slabs. Each slab writes
 * only its own slices, so the result does not depend on the thread count or scheduling.
 */
public final class Slabs {
  private Slabs() {}

  /** Work on slices {@code zStart} (inclusive) to {@code zEnd} (exclusive). */
  @FunctionalInterface
  public interface SlabTask {
    void run(int zStart, int zEnd);
  }

  /** Returns the default thread count: the number of available processors. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code task} over {@code [0, sliceCount)} split into slabs on {@code threads} threads and
   * waits for all of them; an exception in any slab is rethrown.
   */
  public static void run(int sliceCount, int threads, SlabTask task) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be at least 1 but was " + threads);
    }
    int slabCount = Math.min(sliceCount, threads == 1 ? 1 : threads * 4);
    if (slabCount <= 1) {
      task.run(0, sliceCount);
      return;
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, slabCount), runnable -> {
      Thread thread = new Thread(runnable, "slab-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int slab = 0; slab < slabCount; slab++) {
        int start = (int) ((long) sliceCount * slab / slabCount);
        int end = (int) ((long) sliceCount * (slab + 1) / slabCount);
        futures.add(executor.submit(() -> task.run(start, end)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for slab workers", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      executor.shutdownNow();
    }
  }
}
