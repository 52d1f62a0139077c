package io.github.bratsensemble.segmentor.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An invalid registry file. The message lists every problem as {@code file: JSON path: problem}. */
public final class RegistryException extends IOException {
  private final transient List<String> problems;

  public RegistryException(Path file, List<String> problems) {
    super(format(file, problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns each problem as {@code JSON path: problem}, without the file name. */
  public List<String> problems() {
    return problems;
  }

  private static String format(Path file, List<String> problems) {
    StringBuilder message = new StringBuilder();
    for (String problem : problems) {
      if (!message.isEmpty()) {
        message.append("; ");
      }
      message.append(file).append(": ").append(problem);
    }
    return message.toString();
  }
}
