package io.github.bratsensemble.cli;

/** Process exit codes of every command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** A processing error: bad input file, failed algorithm, I/O failure. */
  public static final int PROCESSING_ERROR = 1;
  /** Invalid options or arguments. */
  public static final int USAGE_ERROR = 2;

  private ExitCodes() {}
}
