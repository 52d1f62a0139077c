package io.github.bratsensemble.cli;

import io.github.bratsensemble.cli.demo.DemoRun;
import io.github.bratsensemble.fusionator.labels.Region;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the whole ensemble on a synthetic phantom with known truth, without any download or GPU. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Generate a phantom case with misaligned sequences, co-register them, run the built-in algorithms"
            + " concurrently, fuse them with majority, simple and staple, and print Dice per region against"
            + " the known truth.",
        "The built-in algorithms are weight-free baselines, not clinical tools."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "brats-ensemble-demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--seed", defaultValue = "1", description = "Phantom seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (workers < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at least 1 but was " + workers);
    }
    long start = System.nanoTime();
    DemoRun.Result result = DemoRun.run(output, seed, workers, message -> {
      out.println(message);
      out.flush();
    });

    out.println();
    out.printf(Locale.ROOT, "%-20s %-9s %6s %6s %6s%n", "Dice vs truth", "kind", "WT", "TC", "ET");
    for (DemoRun.Score score : result.scores()) {
      out.printf(Locale.ROOT, "%-20s %-9s %6.3f %6.3f %6.3f%n", score.name(), score.kind(),
          score.dice().get(Region.WT), score.dice().get(Region.TC), score.dice().get(Region.ET));
    }
    out.printf(Locale.ROOT, "%nOutputs in %s (input/, segmentations/, fusion/); %.1f s in all.%n",
        result.outputDir(), (System.nanoTime() - start) / 1e9);
    out.flush();
    return ExitCodes.OK;
  }
}
