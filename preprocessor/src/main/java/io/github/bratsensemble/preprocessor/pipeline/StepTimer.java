package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.preprocessor.manifest.Manifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Measures the wall time of named steps, in the order they run. Not thread-safe. */
final class StepTimer {
  /** A step's work. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws IOException;
  }

  private final List<Manifest.Step> steps = new ArrayList<>();
  private final Logger log;
  private final String caseId;

  StepTimer(Logger log, String caseId) {
    this.log = log;
    this.caseId = caseId;
  }

  <T> T time(String name, Step<T> work) throws IOException {
    long start = System.nanoTime();
    T result = work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    steps.add(new Manifest.Step(name, Math.round(seconds * 1000) / 1000.0));
    log.info("{}: {} took {} s", caseId, name, String.format(java.util.Locale.ROOT, "%.2f", seconds));
    return result;
  }

  List<Manifest.Step> steps() {
    return List.copyOf(steps);
  }
}
