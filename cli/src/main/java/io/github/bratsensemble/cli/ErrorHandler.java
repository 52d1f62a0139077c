package io.github.bratsensemble.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions thrown by commands into a one-line message on stderr and exit code 1, with the
 * stack trace only when {@code --verbose} was given.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (ex instanceof CommandLine.ParameterException usage) {
      err.println("brats-ensemble: " + usage.getMessage());
      return ExitCodes.USAGE_ERROR;
    }
    Throwable cause = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
    err.println("brats-ensemble: " + describe(cause));
    if (isVerbose(parseResult)) {
      cause.printStackTrace(err);
    }
    err.flush();
    return getExitCode(ex);
  }

  @Override
  public int getExitCode(Throwable exception) {
    return exception instanceof CommandLine.ParameterException ? ExitCodes.USAGE_ERROR : ExitCodes.PROCESSING_ERROR;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.replace('\n', ' ');
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
