package io.github.bratsensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.segmentor.gpu.CommandRunner;
import io.github.bratsensemble.segmentor.gpu.ProcessCommandRunner;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GpusCommandTest {
  private static final String TWO_GPUS = """
      0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 81559, 0
      1, GPU-aaaaaaaa-0000-0000-0000-000000000001, NVIDIA H100 80GB HBM3, 81559, 2048
      """;

  @AfterEach
  void restore() {
    GpusCommand.commandRunner = new ProcessCommandRunner(30);
    GpusCommand.environment = System::getenv;
  }

  private static void simulate(String stdout, Map<String, String> env) {
    GpusCommand.commandRunner = command -> new CommandRunner.Result(0, stdout, "");
    GpusCommand.environment = env::get;
  }

  @Test
  void printsInventory() {
    simulate(TWO_GPUS, Map.of());
    CliRunner.Result result = CliRunner.run("gpus");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        index  name                   memory (MiB)   used (MiB)  uuid
        0      NVIDIA H100 80GB HBM3         81559            0  GPU-aaaaaaaa-0000-0000-0000-000000000000
        1      NVIDIA H100 80GB HBM3         81559         2048  GPU-aaaaaaaa-0000-0000-0000-000000000001
        """, result.out());
  }

  @Test
  void environmentRestricts() {
    simulate(TWO_GPUS, Map.of("BRATS_ENSEMBLE_GPUS", "1"));
    CliRunner.Result result = CliRunner.run("gpus");
    assertEquals(2, result.out().lines().count());
    assertEquals(true, result.out().lines().toList().get(1).startsWith("1 "));
  }

  @Test
  void optionOverridesEnvironment() {
    simulate(TWO_GPUS, Map.of("BRATS_ENSEMBLE_GPUS", "1"));
    CliRunner.Result result = CliRunner.run("gpus", "--gpus", "none");
    assertEquals("no GPU available; algorithms run on the CPU\n", result.out());
  }

  @Test
  void absentGpuIsError() {
    simulate(TWO_GPUS, Map.of());
    CliRunner.Result result = CliRunner.run("gpus", "--gpus", "0,5");
    assertEquals(1, result.exitCode());
    assertEquals("brats-ensemble: GPU 5 was requested but is not present; available GPUs: 0,1\n", result.err());
  }

  @Test
  void invalidSelectionIsUsageError() {
    simulate(TWO_GPUS, Map.of());
    CliRunner.Result result = CliRunner.run("gpus", "--gpus", "first");
    assertEquals(2, result.exitCode());
    assertEquals("invalid GPU selection \"first\": expected all, none or device indices such as 0,2",
        result.err().lines().findFirst().orElse(""));
  }

  @Test
  void noNvidiaSmiMeansCpu() {
    GpusCommand.commandRunner = command -> {
      throw new IOException("Cannot run program \"nvidia-smi\": error=2, No such file or directory");
    };
    CliRunner.Result result = CliRunner.run("gpus");
    assertEquals("no GPU available; algorithms run on the CPU\n", result.out());
  }
}
