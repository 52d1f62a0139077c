package io.github.bratsensemble.cli;

import io.github.bratsensemble.segmentor.gpu.CommandRunner;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.gpu.GpuInventory;
import io.github.bratsensemble.segmentor.gpu.GpuSelection;
import io.github.bratsensemble.segmentor.gpu.ProcessCommandRunner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the GPUs that segmentation would use. */
@Command(
    name = "gpus",
    mixinStandardHelpOptions = true,
    description = {"Print the GPUs that segmentation would use, as nvidia-smi reports them.",
        "Without nvidia-smi, algorithms run on the CPU."})
final class GpusCommand implements Callable<Integer> {
  /** Runs nvidia-smi; tests replace it with a simulation. */
  static CommandRunner commandRunner = new ProcessCommandRunner(30);
  /** Reads environment variables; tests replace it. */
  static UnaryOperator<String> environment = System::getenv;

  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = "--gpus", paramLabel = "LIST",
      description = "GPUs to use: all, none, or indices such as 0,2 (default: $BRATS_ENSEMBLE_GPUS, else all).")
  String gpus;

  /** Returns the selected GPUs, rejecting an invalid --gpus value as a usage error. */
  static GpuInventory selectedGpus(CommandSpec spec, String option) throws Exception {
    GpuSelection selection;
    try {
      selection = GpuSelection.resolve(option, environment);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return GpuInventory.discover(commandRunner).restrict(selection);
  }

  @Override
  public Integer call() throws Exception {
    GpuInventory inventory = selectedGpus(spec, gpus);
    PrintWriter out = spec.commandLine().getOut();
    if (inventory.isEmpty()) {
      out.println("no GPU available; algorithms run on the CPU");
      out.flush();
      return ExitCodes.OK;
    }
    int nameWidth = "name".length();
    for (Gpu gpu : inventory.gpus()) {
      nameWidth = Math.max(nameWidth, gpu.name().length());
    }
    String format = "%-5s  %-" + nameWidth + "s  %12s  %11s  %s%n";
    out.printf(Locale.ROOT, format, "index", "name", "memory (MiB)", "used (MiB)", "uuid");
    for (Gpu gpu : inventory.gpus()) {
      out.printf(Locale.ROOT, format, gpu.index(), gpu.name(), mib(gpu.memoryTotalBytes()), mib(gpu.memoryUsedBytes()),
          gpu.uuid());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "n/a" : Long.toString(bytes >> 20);
  }
}
