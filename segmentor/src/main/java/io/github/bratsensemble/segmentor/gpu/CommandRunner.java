package io.github.bratsensemble.segmentor.gpu;

import java.io.IOException;
import java.util.List;

/** Runs an external command and returns its exit code and output; injectable so tests can simulate tools. */
@FunctionalInterface
public interface CommandRunner {

  /** The result of one command. */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} to completion.
   *
   * @throws IOException when the program cannot be started, for example because it is not installed
   */
  Result run(List<String> command) throws IOException, InterruptedException;
}
