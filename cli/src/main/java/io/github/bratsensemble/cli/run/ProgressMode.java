package io.github.bratsensemble.cli.run;

/** The style of a run's progress output on standard error. */
public enum ProgressMode {
  /** Nothing ({@code --quiet}). */
  QUIET,
  /** One line per event, for logs and pipes. */
  PLAIN,
  /** A few lines redrawn in place, for a terminal. */
  LIVE;

  /** Returns {@code QUIET} when {@code quiet}, else {@code LIVE} on a terminal and {@code PLAIN} otherwise. */
  public static ProgressMode choose(boolean quiet, boolean terminal) {
    if (quiet) {
      return QUIET;
    }
    return terminal ? LIVE : PLAIN;
  }
}
