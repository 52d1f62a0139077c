package io.github.bratsensemble.segmentor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmKind;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import io.github.bratsensemble.segmentor.registry.LabelConvention;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.schedule.DeviceSlots;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cases segmented at the same time by two segmentors that share one {@link DeviceSlots}, on a
 * simulated inventory, driven by latches so no assertion depends on timing.
 */
class SharedSlotsTest {
  private static final Grid GRID = new Grid(new Dimensions(2, 2, 1), Affine.scaling(1, 1, 1, 0, 0, 0));

  @TempDir
  Path dir;

  /** Where every fake algorithm ran and how many ran at once, per GPU and in all. */
  private static final class Occupancy {
    final Map<Integer, AtomicInteger> perGpu = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Map<String, Device> devices = new ConcurrentHashMap<>();
  }

  private static SegmentationAlgorithm gpuAlgorithm(String id, GpuRequirement gpu, Occupancy occupancy,
      CountDownLatch started, CountDownLatch release, int slotsPerGpu) {
    AlgorithmDescriptor descriptor = new AlgorithmDescriptor(id, id, List.of("test"), "", 2026, "glioma",
        AlgorithmKind.BUILTIN, LabelConvention.BRATS2023, gpu, true, null, id);
    return new SegmentationAlgorithm() {
      @Override
      public AlgorithmDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public LabelVolume segment(CaseInputs inputs, Device device, Path workDir) throws SegmentationException {
        String key = inputs.caseId() + "/" + id;
        occupancy.devices.put(key, device);
        AtomicInteger onGpu = occupancy.perGpu.computeIfAbsent(device.gpu().index(), i -> new AtomicInteger());
        if (onGpu.incrementAndGet() > slotsPerGpu) {
          occupancy.violations.add(key + " joined " + device + " beyond its " + slotsPerGpu + " slot(s)");
        }
        occupancy.maxRunning.accumulateAndGet(occupancy.running.incrementAndGet(), Math::max);
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw SegmentationException.failed("interrupted");
        } finally {
          occupancy.running.decrementAndGet();
          onGpu.decrementAndGet();
        }
        return LabelVolume.wrap(GRID, new byte[] {0, 1, 2, 3});
      }
    };
  }

  private CaseInputs inputs(String caseId) {
    Path unused = dir.resolve("unused.nii.gz");
    return new CaseInputs(caseId, unused, unused, unused, unused, GRID);
  }

  /**
   * Runs two cases of {@code perCase} GPU algorithms each at the same time and checks that the
   * first wave fills every slot and no GPU ever runs more algorithms than its slots.
   */
  private void twoCasesShareSlots(List<Gpu> gpus, int slotsPerGpu, int perCase) throws Exception {
    DeviceSlots slots = new DeviceSlots(gpus, slotsPerGpu, 1);
    int totalSlots = gpus.size() * slotsPerGpu;
    Occupancy occupancy = new Occupancy();
    CountDownLatch firstWave = new CountDownLatch(totalSlots);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService cases = Executors.newFixedThreadPool(2);
    try {
      List<Future<RunSummary>> summaries = new ArrayList<>();
      for (String caseId : List.of("case-a", "case-b")) {
        List<SegmentationAlgorithm> algorithms = new ArrayList<>();
        for (int i = 0; i < perCase; i++) {
          GpuRequirement requirement = i % 2 == 0 ? GpuRequirement.REQUIRED : GpuRequirement.OPTIONAL;
          algorithms.add(gpuAlgorithm("algo" + i, requirement, occupancy, firstWave, release, slotsPerGpu));
        }
        Segmentor segmentor = new Segmentor(slots);
        Path out = dir.resolve(caseId);
        summaries.add(cases.submit(() -> segmentor.run(inputs(caseId), algorithms, out)));
      }

      assertTrue(firstWave.await(10, TimeUnit.SECONDS), "every slot is taken");
      assertEquals(totalSlots, occupancy.running.get(), "the other algorithms wait for a slot");
      release.countDown();
      for (Future<RunSummary> summary : summaries) {
        assertEquals(perCase, summary.get(10, TimeUnit.SECONDS).okCount());
      }
    } finally {
      cases.shutdownNow();
    }
    assertEquals(List.of(), occupancy.violations);
    assertEquals(totalSlots, occupancy.maxRunning.get());
    assertEquals(2 * perCase, occupancy.devices.size());
    Set<Integer> used = new java.util.TreeSet<>();
    occupancy.devices.values().forEach(device -> used.add(device.gpu().index()));
    assertEquals(gpus.stream().map(Gpu::index).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
        used);
  }

  private static Gpu gpu(int index) {
    return new Gpu(index, "GPU-" + index, "Simulated", 80L << 30, 0);
  }

  @Test
  void twoCasesOnOneGpu() throws Exception {
    twoCasesShareSlots(List.of(gpu(0)), 1, 2);
  }

  @Test
  void twoCasesOnTwoGpus() throws Exception {
    twoCasesShareSlots(List.of(gpu(0), gpu(1)), 1, 3);
  }

  @Test
  void twoCasesTwoSlotsPerGpu() throws Exception {
    twoCasesShareSlots(List.of(gpu(0), gpu(1)), 2, 3);
  }

  @Test
  void listenerHearsStartAndEnd() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    SegmentationListener listener = new SegmentationListener() {
      @Override
      public void started(String caseId, String algorithmId, Device device) {
        events.add("start " + caseId + " " + algorithmId + " " + device);
      }

      @Override
      public void finished(String caseId, SegmentationRun run) {
        events.add("end " + caseId + " " + run.algorithmId() + " " + run.status().label());
      }
    };
    Occupancy occupancy = new Occupancy();
    CountDownLatch none = new CountDownLatch(0);
    List<SegmentationAlgorithm> algorithms = List.of(
        gpuAlgorithm("on-gpu", GpuRequirement.REQUIRED, occupancy, none, none, 1));
    new Segmentor(new DeviceSlots(List.of(gpu(3)), 1, 1)).run(inputs("case-c"), algorithms, dir.resolve("c"), listener);
    assertEquals(List.of("start case-c on-gpu gpu:3", "end case-c on-gpu ok"), events);
  }
}
