package io.github.bratsensemble.cli;

import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import io.github.bratsensemble.segmentor.registry.DockerSettings;
import io.github.bratsensemble.segmentor.registry.RegistryException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The algorithm registry: {@code algorithms list}, {@code algorithms show ID}, {@code algorithms validate FILE}. */
@Command(
    name = "algorithms",
    mixinStandardHelpOptions = true,
    description = "List, show and validate the segmentation algorithms of a registry file (algorithms.json).",
    subcommands = {AlgorithmsCommand.ListAlgorithms.class, AlgorithmsCommand.Show.class, AlgorithmsCommand.Validate.class})
final class AlgorithmsCommand implements Runnable {
  /** The registry used when {@code --algorithms} is not given. */

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or validate");
  }

  /** Prints one line per algorithm. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the algorithms of a registry.")
  static final class ListAlgorithms implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--algorithms", paramLabel = "FILE", description = "Registry file (default: ${DEFAULT-VALUE}).")
    Path registryFile = DefaultRegistry.path();

    @Override
    public Integer call() throws Exception {
      AlgorithmRegistry registry = AlgorithmRegistry.load(registryFile);
      int idWidth = "id".length();
      for (AlgorithmDescriptor d : registry.all()) {
        idWidth = Math.max(idWidth, d.id().length());
      }
      String format = "%-" + idWidth + "s  %-7s  %-8s  %-7s  %-9s  %s%n";
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, format, "id", "kind", "gpu", "enabled", "labels", "name");
      for (AlgorithmDescriptor d : registry.all()) {
        out.printf(Locale.ROOT, format, d.id(), d.kind().jsonName(), d.gpu().jsonName(), d.enabled() ? "yes" : "no",
            d.labels().jsonName(), d.name());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Prints every field of one entry. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one algorithm of a registry.")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "ID", description = "Algorithm id.")
    String id;

    @Option(names = "--algorithms", paramLabel = "FILE", description = "Registry file (default: ${DEFAULT-VALUE}).")
    Path registryFile = DefaultRegistry.path();

    @Override
    public Integer call() throws Exception {
      AlgorithmRegistry registry = AlgorithmRegistry.load(registryFile);
      AlgorithmDescriptor d;
      try {
        d = registry.get(id);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String line : describe(d)) {
        out.println(line);
      }
      out.flush();
      return ExitCodes.OK;
    }

    static List<String> describe(AlgorithmDescriptor d) {
      List<String> lines = new ArrayList<>();
      lines.add("id:           " + d.id());
      lines.add("name:         " + d.name());
      lines.add("authors:      " + String.join(", ", d.authors()));
      lines.add("citation:     " + (d.citation().isEmpty() ? "-" : d.citation()));
      lines.add("year:         " + d.year());
      lines.add("task:         " + d.task());
      lines.add("kind:         " + d.kind().jsonName());
      lines.add("labels:       " + d.labels().jsonName());
      lines.add("gpu:          " + d.gpu().jsonName());
      lines.add("enabled:      " + (d.enabled() ? "yes" : "no"));
      DockerSettings s = d.docker();
      if (s != null) {
        lines.add("image:        " + s.image());
        lines.add("command:      " + (s.effectiveCommand().isEmpty() ? "(image default)" : String.join(" ", s.effectiveCommand())));
        lines.add("input:        " + s.input().jsonName());
        lines.add("input mount:  " + s.input().inputMount(s.mountpoint()) + (s.inputsReadOnly() ? " (read-only)" : " (writable)"));
        lines.add("output mount: " + s.input().outputMount(s.mountpoint()));
        lines.add("result:       " + String.join(", ", s.resolvedOutputPatterns(d.id())));
        lines.add("user:         " + (s.requiresRoot() ? "root" : "host user"));
        lines.add("shm size:     " + (s.shmSizeBytes() == 0 ? "engine default" : s.shmSizeBytes() + " bytes"));
        lines.add("memory limit: " + (s.memoryLimitBytes() == 0 ? "none" : s.memoryLimitBytes() + " bytes"));
        lines.add("timeout:      " + s.timeout().toSeconds() + " s");
      } else {
        lines.add((d.kind().jsonName().equals("onnx") ? "model:        " : "algorithm:    ") + d.target());
      }
      return lines;
    }
  }

  /** Checks a registry file against the schema and prints every problem. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check a registry file against the schema; prints every problem with its JSON path.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:valid", "1:invalid or unreadable (problems on stderr)", "2:usage error"})
  static final class Validate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE", description = "Registry file to check.")
    Path file;

    @Override
    public Integer call() throws Exception {
      AlgorithmRegistry registry;
      try {
        registry = AlgorithmRegistry.load(file);
      } catch (RegistryException e) {
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : e.problems()) {
          err.println(file + ": " + problem);
        }
        err.printf("%s: invalid, %d problem(s)%n", file, e.problems().size());
        err.flush();
        return ExitCodes.PROCESSING_ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: valid, %d algorithm(s), %d enabled%n", file, registry.all().size(), registry.enabled().size());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
