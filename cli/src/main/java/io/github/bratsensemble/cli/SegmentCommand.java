package io.github.bratsensemble.cli;

import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.gpu.GpuInventory;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the registry's algorithms on one preprocessed case. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = {
        "Segment one preprocessed case (T1, T1c, T2 and FLAIR on one grid, skull-stripped) with every enabled"
            + " algorithm of the registry, or those given with --only.",
        "Writes OUT_DIR/<id>.nii.gz (uint8, labels 1 NCR, 2 ED, 3 ET), container logs in OUT_DIR/logs and"
            + " OUT_DIR/" + Segmentor.SUMMARY_FILE + ". A failed algorithm does not stop the others."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:at least one algorithm produced a segmentation", "1:none did, or the run failed",
        "2:usage error"})
final class SegmentCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "CASE_DIR",
      description = "Folder with the four images, named like BraTS 2023 (-t1n, -t1c, -t2w, -t2f), BraTS 2021"
          + " (_t1, _t1ce, _t2, _flair) or plainly (t1.nii.gz, ...).")
  Path caseDir;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT_DIR", description = "Output folder.")
  Path outputDir;

  @Option(names = "--algorithms", paramLabel = "FILE", description = "Registry file (default: ${DEFAULT-VALUE}).")
  Path registryFile = DefaultRegistry.path();

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these algorithms, enabled or not.")
  List<String> only = new ArrayList<>();

  @Option(names = "--gpus", paramLabel = "LIST",
      description = "GPUs to use: all, none, or indices such as 0,2 (default: $BRATS_ENSEMBLE_GPUS, else all).")
  String gpus;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Time limit per container in seconds, replacing the registry's.")
  Long timeoutSeconds;

  @Option(names = "--slots-per-gpu", paramLabel = "N", defaultValue = "1",
      description = "Algorithms that may share one GPU at a time (default: ${DEFAULT-VALUE}).")
  int slotsPerGpu;

  @Option(names = "--cpu-slots", paramLabel = "N",
      description = "Algorithms that may run on the CPU at a time (default: a quarter of the CPU cores, at least 1).")
  Integer cpuSlots;

  @Override
  public Integer call() throws Exception {
    if (timeoutSeconds != null && timeoutSeconds <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
    }
    if (slotsPerGpu < 1 || (cpuSlots != null && cpuSlots < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--slots-per-gpu and --cpu-slots must be at least 1");
    }
    if (OutputPaths.same(caseDir, outputDir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "-o and CASE_DIR are the same folder " + outputDir
          + "; choose another output folder so the case folder is not modified");
    }
    AlgorithmRegistry registry = AlgorithmRegistry.load(registryFile);
    List<AlgorithmDescriptor> selected;
    try {
      selected = registry.select(only);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (selected.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          registryFile + " enables no algorithm; choose some with --only");
    }
    GpuInventory inventory = GpusCommand.selectedGpus(spec, gpus);
    CaseInputs inputs = CaseDiscovery.discover(caseDir);

    PrintWriter out = spec.commandLine().getOut();
    Segmentor.Options defaults = Segmentor.Options.defaults();
    Segmentor segmentor = new Segmentor(inventory.gpus(),
        new Segmentor.Options(slotsPerGpu, cpuSlots == null ? defaults.cpuSlots() : cpuSlots));
    Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    RunSummary summary;
    try (AlgorithmFactory factory = new AlgorithmFactory(outputDir, timeout, line -> {
      out.println(line);
      out.flush();
    })) {
      summary = segmentor.run(inputs, factory.createAll(selected), outputDir);
    }

    for (String line : summary.formatTable()) {
      out.println(line);
    }
    out.printf("%d of %d algorithms produced a segmentation in %s%n", summary.okCount(), summary.runs().size(), outputDir);
    out.flush();
    if (summary.okCount() == 0) {
      SegmentationRun first = summary.runs().get(0);
      throw new IOException("no algorithm produced a segmentation (" + first.algorithmId() + ": " + first.reason()
          + "); see " + outputDir.resolve(Segmentor.SUMMARY_FILE));
    }
    return ExitCodes.OK;
  }
}
