package io.github.bratsensemble.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks a command's output files before any work starts: no output may name an input or another
 * output, and every output's folder must exist and be writable.
 *
 * <p>A name clash is a usage error (exit 2) naming both options and the path. A missing or
 * read-only output folder is a processing error (exit 1), like a missing input file. Not
 * thread-safe; build one per command call.
 */
final class OutputPaths {
  private final CommandSpec spec;
  private final List<Named> inputs = new ArrayList<>();
  private final List<Named> outputs = new ArrayList<>();

  private record Named(String option, Path path) {}

  private OutputPaths(CommandSpec spec) {
    this.spec = spec;
  }

  /** Starts the checks of one command call. */
  static OutputPaths of(CommandSpec spec) {
    return new OutputPaths(spec);
  }

  /**
   * Adds an input file; {@code null} is ignored.
   *
   * @throws CommandLine.ParameterException if the path is empty
   */
  OutputPaths input(String option, Path path) {
    if (path != null && path.toString().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " needs a file name but was empty");
    }
    if (path != null) {
      inputs.add(new Named(option, path));
    }
    return this;
  }

  /** Adds input files given under one option. */
  OutputPaths inputs(String option, List<Path> paths) {
    for (Path path : paths) {
      input(option, path);
    }
    return this;
  }

  /** Adds an output file; {@code null} (an output not asked for) is ignored. */
  OutputPaths output(String option, Path path) {
    if (path != null) {
      outputs.add(new Named(option, path));
    }
    return this;
  }

  /**
   * Adds an output file that must be named like a NIfTI file.
   *
   * @throws CommandLine.ParameterException if the name does not end in .nii or .nii.gz
   */
  OutputPaths niftiOutput(String option, Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " " + path + " must end in .nii or .nii.gz");
    }
    return output(option, path);
  }

  /**
   * Runs the checks.
   *
   * @throws CommandLine.ParameterException when an output names an input or another output
   * @throws IOException when an output's folder does not exist, is not a folder or is not writable
   */
  void check() throws IOException {
    for (int i = 0; i < outputs.size(); i++) {
      Named output = outputs.get(i);
      for (Named input : inputs) {
        if (same(output.path(), input.path())) {
          throw new CommandLine.ParameterException(spec.commandLine(), output.option() + " and " + input.option()
              + " are the same file " + output.path() + "; choose another output name so the input is not modified");
        }
      }
      for (int j = 0; j < i; j++) {
        Named other = outputs.get(j);
        if (same(output.path(), other.path())) {
          throw new CommandLine.ParameterException(spec.commandLine(), other.option() + " and " + output.option()
              + " are the same file " + output.path() + "; give each output its own name");
        }
      }
    }
    for (Named output : outputs) {
      requireWritableFolder(output.option(), output.path());
    }
  }

  /** Returns whether two names denote one file: equal normalised absolute paths, or the same existing file. */
  static boolean same(Path a, Path b) throws IOException {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
  }

  /** Throws unless the folder that will hold {@code file} exists and is writable. */
  static void requireWritableFolder(String option, Path file) throws IOException {
    Path folder = file.toAbsolutePath().normalize().getParent();
    if (folder == null) {
      return;
    }
    if (!Files.exists(folder)) {
      throw new IOException(option + " " + file + ": output folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new IOException(option + " " + file + ": " + folder + " is not a folder");
    }
    if (!Files.isWritable(folder)) {
      throw new IOException(option + " " + file + ": output folder " + folder + " is not writable");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(option + " " + file + " is a folder; give a file name");
    }
  }
}
