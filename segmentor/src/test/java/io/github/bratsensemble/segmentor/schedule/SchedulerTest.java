package io.github.bratsensemble.segmentor.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scheduling on a simulated inventory, driven by latches so no assertion depends on timing. */
class SchedulerTest {
  private static final List<Gpu> FOUR_GPUS = List.of(gpu(0), gpu(1), gpu(2), gpu(3));

  private static Gpu gpu(int index) {
    return new Gpu(index, "GPU-" + index, "Simulated", 80L << 30, 0);
  }

  /** A fake algorithm that records where it ran and blocks until released. */
  private static final class FakeTask implements Scheduler.Task<String> {
    final String id;
    final GpuRequirement requirement;
    final CountDownLatch release;
    final CountDownLatch started;
    final Map<String, Device> devices;
    final Map<Integer, AtomicInteger> perGpu;
    final AtomicInteger concurrent;
    final AtomicInteger maxConcurrent;

    FakeTask(String id, GpuRequirement requirement, CountDownLatch release, CountDownLatch started,
        Map<String, Device> devices, Map<Integer, AtomicInteger> perGpu, AtomicInteger concurrent,
        AtomicInteger maxConcurrent) {
      this.id = id;
      this.requirement = requirement;
      this.release = release;
      this.started = started;
      this.devices = devices;
      this.perGpu = perGpu;
      this.concurrent = concurrent;
      this.maxConcurrent = maxConcurrent;
    }

    @Override
    public GpuRequirement gpuRequirement() {
      return requirement;
    }

    @Override
    public String run(Device device) {
      devices.put(id, device);
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      AtomicInteger onThisGpu = device.isGpu()
          ? perGpu.computeIfAbsent(device.gpu().index(), i -> new AtomicInteger()) : new AtomicInteger();
      if (onThisGpu.incrementAndGet() > 1) {
        throw new AssertionError(id + " shares " + device + " with another task");
      }
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return id + ": interrupted";
      } finally {
        onThisGpu.decrementAndGet();
        concurrent.decrementAndGet();
      }
      return id + " on " + device;
    }

    @Override
    public String rejected(String reason) {
      return id + ": " + reason;
    }
  }

  @Test
  void sixAlgorithmsOnFourGpus() throws Exception {
    Map<String, Device> devices = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> perGpu = new ConcurrentHashMap<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch firstWaveStarted = new CountDownLatch(4);
    CountDownLatch secondWaveStarted = new CountDownLatch(2);
    CountDownLatch releaseFirstWave = new CountDownLatch(1);
    CountDownLatch releaseSecondWave = new CountDownLatch(1);
    List<FakeTask> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      boolean first = i < 4;
      tasks.add(new FakeTask("algo" + i, i % 2 == 0 ? GpuRequirement.REQUIRED : GpuRequirement.OPTIONAL,
          first ? releaseFirstWave : releaseSecondWave, first ? firstWaveStarted : secondWaveStarted,
          devices, perGpu, concurrent, maxConcurrent));
    }

    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> results = caller.submit(() -> new Scheduler(FOUR_GPUS, 1, 2).run(tasks));

      assertTrue(firstWaveStarted.await(10, TimeUnit.SECONDS), "first four start");
      assertEquals(4, concurrent.get());
      assertFalse(devices.containsKey("algo4") || devices.containsKey("algo5"), "fifth and sixth wait for a GPU");
      Set<Integer> firstWaveGpus = new HashSet<>();
      for (int i = 0; i < 4; i++) {
        firstWaveGpus.add(devices.get("algo" + i).gpu().index());
      }
      assertEquals(Set.of(0, 1, 2, 3), firstWaveGpus, "one algorithm per GPU");

      releaseFirstWave.countDown();
      assertTrue(secondWaveStarted.await(10, TimeUnit.SECONDS), "last two start once GPUs free up");
      releaseSecondWave.countDown();

      List<String> done = results.get(10, TimeUnit.SECONDS);
      assertEquals(6, done.size());
      for (int i = 0; i < 6; i++) {
        assertEquals("algo" + i + " on " + devices.get("algo" + i), done.get(i));
        assertTrue(devices.get("algo" + i).isGpu());
      }
      // Two waves of at most four: the wall time is ceil(6/4) = 2 algorithm lengths.
      assertEquals(4, maxConcurrent.get());
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void cpuPoolIsBounded() throws Exception {
    Map<String, Device> devices = new ConcurrentHashMap<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch twoStarted = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<FakeTask> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasks.add(new FakeTask("cpu" + i, GpuRequirement.NONE, release, twoStarted, devices, new ConcurrentHashMap<>(),
          concurrent, maxConcurrent));
    }
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> results = caller.submit(() -> new Scheduler(FOUR_GPUS, 1, 2).run(tasks));
      assertTrue(twoStarted.await(10, TimeUnit.SECONDS));
      assertEquals(2, concurrent.get(), "two CPU slots");
      release.countDown();
      results.get(10, TimeUnit.SECONDS);
      assertEquals(2, maxConcurrent.get());
      for (Device device : devices.values()) {
        assertEquals(Device.cpu(), device, "CPU-only tasks never take a GPU");
      }
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void noGpuPlacement() throws Exception {
    CountDownLatch released = new CountDownLatch(0);
    Map<String, Device> devices = new ConcurrentHashMap<>();
    List<FakeTask> tasks = List.of(
        new FakeTask("needs-gpu", GpuRequirement.REQUIRED, released, new CountDownLatch(1), devices,
            new ConcurrentHashMap<>(), new AtomicInteger(), new AtomicInteger()),
        new FakeTask("likes-gpu", GpuRequirement.OPTIONAL, released, new CountDownLatch(1), devices,
            new ConcurrentHashMap<>(), new AtomicInteger(), new AtomicInteger()));
    List<String> results = new Scheduler(List.of(), 1, 1).run(tasks);
    assertEquals(List.of("needs-gpu: requires a GPU but none is available", "likes-gpu on cpu"), results);
  }

  @Test
  void twoSlotsPerGpu() throws Exception {
    Map<String, Device> devices = new ConcurrentHashMap<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch allStarted = new CountDownLatch(4);
    CountDownLatch release = new CountDownLatch(1);
    List<Scheduler.Task<String>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = "t" + i;
      tasks.add(new Scheduler.Task<>() {
        @Override
        public GpuRequirement gpuRequirement() {
          return GpuRequirement.REQUIRED;
        }

        @Override
        public String run(Device device) {
          devices.put(id, device);
          maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          allStarted.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          concurrent.decrementAndGet();
          return device.toString();
        }

        @Override
        public String rejected(String reason) {
          return reason;
        }
      });
    }
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> results = caller.submit(() -> new Scheduler(List.of(gpu(0), gpu(1)), 2, 1).run(tasks));
      assertTrue(allStarted.await(10, TimeUnit.SECONDS), "four tasks share two GPUs with two slots each");
      release.countDown();
      List<String> placed = results.get(10, TimeUnit.SECONDS);
      assertEquals(2, placed.stream().filter("gpu:0"::equals).count());
      assertEquals(2, placed.stream().filter("gpu:1"::equals).count());
      assertEquals(4, maxConcurrent.get());
    } finally {
      caller.shutdownNow();
    }
  }
}
