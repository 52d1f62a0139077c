package io.github.bratsensemble.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.bratsensemble.cli.run.BatchRun;
import io.github.bratsensemble.cli.run.DuplicateCaseIdException;
import io.github.bratsensemble.cli.run.ProgressMode;
import io.github.bratsensemble.cli.run.RunOptions;
import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the whole pipeline over one case or a folder of cases. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Preprocess, segment with every selected algorithm, fuse, evaluate against a ground truth (a -seg file in"
            + " the case folder), map the consensus back to native space and write a report, for one case folder"
            + " or every case folder inside INPUT.",
        "Output: OUT_DIR/<case>/{preprocessed,segmentations,fusion,native,report}/, OUT_DIR/summary.csv and"
            + " OUT_DIR/summary.json. Progress goes to standard error."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every case and algorithm succeeded (unavailable algorithms are skipped, not failed)",
        "1:a case, step or algorithm failed (see summary.json)",
        "2:usage error"})
final class RunCommand implements Callable<Integer> {
  private static final String PROJECT_LOGGER = "io.github.bratsensemble";
  private static final String DOCKER_LOGGER = "com.github.dockerjava";

  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "INPUT", description = "A case folder or a folder of case folders.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT_DIR", description = "Output folder.")
  Path outputDir;

  @Option(names = "--preprocessed",
      description = "Inputs are already skull-stripped and in BraTS space (240x240x155, 1 mm); skip preprocessing"
          + " and native-space mapping.")
  boolean preprocessed;

  @Option(names = "--algorithms", paramLabel = "FILE",
      description = "Algorithm registry. Default: algorithms.json in the working folder, else the one installed"
          + " with brats-ensemble.")
  Path registry = DefaultRegistry.path();

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "Run only these algorithms, by registry id (comma-separated). Default: every enabled algorithm.")
  List<String> algorithms = new ArrayList<>();

  @Option(names = "--fusion", paramLabel = "METHOD", split = ",", defaultValue = "simple",
      description = "Fusion methods (comma-separated): majority, regions, simple, staple, staple-multilabel, btk-mav,"
          + " btk-simple, btk-brats-simple. The first one's consensus is the case's consensus. Default:"
          + " ${DEFAULT-VALUE}.")
  List<String> fusion;

  @Option(names = "--truth-labels", paramLabel = "CONVENTION", defaultValue = "brats2023",
      description = "Label convention of ground-truth -seg files: brats2021 or brats2023. Default: ${DEFAULT-VALUE}.")
  String truthLabels;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
      description = "Cases processed at the same time. Default: ${DEFAULT-VALUE}.")
  int jobs;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads per case for preprocessing and native-space mapping. Default: the number of"
          + " processors divided by --jobs.")
  Integer threads;

  @Option(names = "--atlas", paramLabel = "FILE",
      description = "Atlas T1 image for preprocessing, on the BraTS grid. Default: the cached SRI-24 atlas"
          + " (downloaded on first use).")
  Path atlas;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Download cache for the atlas and the brain-extraction model (default: $BRATS_ENSEMBLE_CACHE, else the"
          + " user's cache folder, such as ~/.cache/brats-ensemble).")
  Path cacheDir;

  @Option(names = "--offline", description = "Never download; fail the preprocessing when the atlas or model is not"
      + " cached.")
  boolean offline;

  @Option(names = "--force", description = "Run every step again, even those recorded as complete.")
  boolean force;

  @Option(names = {"-q", "--quiet"}, description = "Print no progress. Without it, a terminal shows a live display"
      + " of the cases, their steps and the algorithms on each device; otherwise one line per event.")
  boolean quiet;

  @Option(names = "--json", description = "Print the summary as JSON on standard output.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RunOptions options = options();
    ProgressMode mode = ProgressMode.choose(quiet, System.console() != null);
    BatchRun batch = new BatchRun(options, spec.commandLine().getErr(), mode, terminalWidth());
    Thread hook = new Thread(batch::cancel, "brats-ensemble-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    BatchRun.Result result;
    Level logLevel = quietLogs(mode);
    try {
      result = batch.run();
    } catch (DuplicateCaseIdException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } finally {
      restoreLogs(logLevel);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting (Ctrl-C); the hook is running.
      }
    }

    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(result.summaryJson());
    } else {
      for (var outcome : result.cases()) {
        out.printf(Locale.ROOT, "%s: %s%s%n", outcome.caseId(), outcome.status(),
            outcome.error().isEmpty() ? "" : " (" + outcome.error() + ")");
      }
      out.printf("summary: %s%n", outputDir.resolve("summary.csv"));
    }
    out.flush();
    return result.ok() ? ExitCodes.OK : ExitCodes.PROCESSING_ERROR;
  }

  private RunOptions options() {
    CommandLine commandLine = spec.commandLine();
    if (jobs < 1) {
      throw new CommandLine.ParameterException(commandLine, "--jobs must be at least 1 but was " + jobs);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1 but was " + threads);
    }
    if (!Files.exists(input)) {
      throw new CommandLine.ParameterException(commandLine, "INPUT " + input + " does not exist");
    }
    if (!Files.isRegularFile(registry)) {
      throw new CommandLine.ParameterException(commandLine, "registry " + registry
          + " not found; run from the repository folder or pass --algorithms FILE");
    }
    List<FusionMethod> methods = new ArrayList<>();
    for (String name : fusion) {
      try {
        FusionMethod method = FusionMethod.parse(name.trim());
        if (!methods.contains(method)) {
          methods.add(method);
        }
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, "--fusion: " + e.getMessage());
      }
    }
    String truth = truthLabels.toLowerCase(Locale.ROOT);
    if (!truth.equals("brats2021") && !truth.equals("brats2023")) {
      throw new CommandLine.ParameterException(commandLine,
          "--truth-labels must be brats2021 or brats2023 but was '" + truthLabels + "'");
    }
    List<String> ids = checkAlgorithmIds(commandLine);
    int perCase = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    return new RunOptions(input, outputDir, preprocessed, registry, ids, methods, LabelConvention.parse(truth), jobs,
        force, perCase, atlas, cacheDir, offline, commandText(), VersionProvider.version());
  }

  /** Returns the {@code --only} ids, each checked against the registry; empty for every enabled algorithm. */
  private List<String> checkAlgorithmIds(CommandLine commandLine) {
    if (algorithms.isEmpty()) {
      return List.of();
    }
    List<String> ids = algorithms.stream().map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
    if (ids.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine, "--only needs at least one algorithm id");
    }
    List<String> known;
    try {
      known = AlgorithmRegistry.load(registry).all().stream().map(AlgorithmDescriptor::id).toList();
    } catch (IOException e) {
      throw new CommandLine.ParameterException(commandLine, "registry " + registry + ": " + e.getMessage());
    }
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine, "--only: unknown algorithm id(s) "
          + String.join(", ", unknown) + "; known ids in " + registry + ": " + String.join(", ", known));
    }
    return ids;
  }

  /** Returns the terminal width from {@code COLUMNS}, or 100 columns when it is not set. */
  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 100 : Math.max(20, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  /**
   * Raises the project's log level to WARN while a live display or {@code --quiet} decides what the
   * user sees, unless {@code --verbose}; returns the level to restore, or null when unchanged.
   */
  private Level quietLogs(ProgressMode mode) {
    if (verbose.verbose && LoggerFactory.getLogger(DOCKER_LOGGER) instanceof Logger docker) {
      // Off by default (logback.xml): docker-java logs a stack trace for every failed call it reports.
      docker.setLevel(Level.WARN);
    }
    if (mode == ProgressMode.PLAIN || verbose.verbose
        || !(LoggerFactory.getLogger(PROJECT_LOGGER) instanceof Logger logger)) {
      return null;
    }
    Level previous = logger.getLevel();
    logger.setLevel(Level.WARN);
    return previous == null ? Level.INFO : previous;
  }

  private static void restoreLogs(Level level) {
    if (level != null && LoggerFactory.getLogger(PROJECT_LOGGER) instanceof Logger logger) {
      logger.setLevel(level);
    }
  }

  /** Returns the command line as typed, with arguments containing spaces quoted. */
  private String commandText() {
    List<String> words = new ArrayList<>(List.of("brats-ensemble"));
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      words.add(arg.isEmpty() || arg.matches(".*[\\s\"'$].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg);
    }
    return String.join(" ", words);
  }
}
