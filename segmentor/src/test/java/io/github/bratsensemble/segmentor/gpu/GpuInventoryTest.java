package io.github.bratsensemble.segmentor.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuInventoryTest {
  static final String FOUR_GPUS = """
      0, GPU-11111111-aaaa-bbbb-cccc-000000000000, NVIDIA A100-SXM4-80GB, 81920, 4
      1, GPU-11111111-aaaa-bbbb-cccc-000000000001, NVIDIA A100-SXM4-80GB, 81920, 1200
      2, GPU-11111111-aaaa-bbbb-cccc-000000000002, NVIDIA A100-SXM4-80GB, 81920, 4
      3, GPU-11111111-aaaa-bbbb-cccc-000000000003, NVIDIA A100-SXM4-80GB, 81920, [N/A]
      """;

  static CommandRunner simulated(int exitCode, String stdout, String stderr) {
    return command -> {
      assertEquals(GpuInventory.QUERY, command);
      return new CommandRunner.Result(exitCode, stdout, stderr);
    };
  }

  @Test
  void parsesFourGpus() throws Exception {
    GpuInventory inventory = GpuInventory.discover(simulated(0, FOUR_GPUS, ""));
    assertEquals(4, inventory.gpus().size());
    Gpu second = inventory.gpus().get(1);
    assertEquals(1, second.index());
    assertEquals("GPU-11111111-aaaa-bbbb-cccc-000000000001", second.uuid());
    assertEquals("NVIDIA A100-SXM4-80GB", second.name());
    assertEquals(81920L << 20, second.memoryTotalBytes());
    assertEquals(1200L << 20, second.memoryUsedBytes());
    assertEquals(-1, inventory.gpus().get(3).memoryUsedBytes());
  }

  @Test
  void missingNvidiaSmiMeansNoGpu() throws Exception {
    CommandRunner absent = command -> {
      throw new IOException("Cannot run program \"nvidia-smi\": error=2, No such file or directory");
    };
    assertTrue(GpuInventory.discover(absent).isEmpty());
  }

  @Test
  void realRunnerWithoutNvidiaSmi() throws Exception {
    CommandRunner runner = new ProcessCommandRunner(10);
    CommandRunner renamed = command -> runner.run(List.of("nvidia-smi-not-installed-here"));
    assertTrue(GpuInventory.discover(renamed).isEmpty());
  }

  @Test
  void failingNvidiaSmiIsError() {
    IOException e = assertThrows(IOException.class, () -> GpuInventory.discover(simulated(9,
        "", "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\nMore text")));
    assertEquals("nvidia-smi failed with exit code 9: NVIDIA-SMI has failed because it couldn't communicate with"
        + " the NVIDIA driver.; check the NVIDIA driver, or restrict GPUs with --gpus none", e.getMessage());
  }

  @Test
  void malformedLineRejected() {
    IOException e = assertThrows(IOException.class, () -> GpuInventory.discover(simulated(0, "0, GPU-x, name\n", "")));
    assertEquals("unexpected nvidia-smi output line \"0, GPU-x, name\"; expected 5 comma-separated fields", e.getMessage());
  }

  @Test
  void selectionRestrictsInventory() throws Exception {
    GpuInventory inventory = GpuInventory.discover(simulated(0, FOUR_GPUS, ""));
    assertEquals(List.of(0, 2), inventory.restrict(GpuSelection.parse("0,2")).gpus().stream().map(Gpu::index).toList());
    assertEquals(4, inventory.restrict(GpuSelection.parse("all")).gpus().size());
    assertTrue(inventory.restrict(GpuSelection.parse("none")).isEmpty());
    IOException e = assertThrows(IOException.class, () -> inventory.restrict(GpuSelection.parse("1,7")));
    assertEquals("GPU 7 was requested but is not present; available GPUs: 0,1,2,3", e.getMessage());
  }

  @Test
  void optionWinsOverEnvironment() {
    Map<String, String> env = Map.of(GpuSelection.ENVIRONMENT_VARIABLE, "1");
    assertEquals("[3]", GpuSelection.resolve("3", env::get).toString());
    assertEquals("[1]", GpuSelection.resolve(null, env::get).toString());
    assertEquals("all", GpuSelection.resolve(null, name -> null).toString());
  }

  @Test
  void invalidSelectionRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuSelection.parse("0,gpu1"));
    assertEquals("invalid GPU selection \"0,gpu1\": expected all, none or device indices such as 0,2", e.getMessage());
  }
}
