package io.github.bratsensemble.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} option shared by every command: stack traces on errors and debug logs. */
public final class VerboseOption {
  @Option(names = "--verbose", description = "Print stack traces with errors and log at debug level.")
  boolean verbose;
}
