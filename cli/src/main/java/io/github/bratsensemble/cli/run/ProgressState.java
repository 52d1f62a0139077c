package io.github.bratsensemble.cli.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current state of a run: how many cases there are and have finished, and for each running case
 * its current step and the algorithms running on which device. Thread-safe.
 */
final class ProgressState {
  /** A running case: its current step and its running algorithms with their devices, in start order. */
  record ActiveCase(String caseId, String step, Map<String, String> algorithms) {}

  /** A consistent copy of the state. */
  record Snapshot(int total, int succeeded, int failed, List<ActiveCase> active) {
    int waiting() {
      return Math.max(0, total - succeeded - failed - active.size());
    }
  }

  private final Map<String, String> steps = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> algorithms = new LinkedHashMap<>();
  private int total;
  private int succeeded;
  private int failed;

  synchronized void casesFound(int count) {
    total = count;
  }

  synchronized void caseStarted(String caseId) {
    steps.put(caseId, "starting");
    algorithms.put(caseId, new LinkedHashMap<>());
  }

  synchronized void stepStarted(String caseId, String step) {
    if (steps.containsKey(caseId)) {
      steps.put(caseId, step);
    }
  }

  synchronized void algorithmStarted(String caseId, String algorithmId, String device) {
    Map<String, String> running = algorithms.get(caseId);
    if (running != null) {
      running.put(algorithmId, device);
    }
  }

  synchronized void algorithmFinished(String caseId, String algorithmId) {
    Map<String, String> running = algorithms.get(caseId);
    if (running != null) {
      running.remove(algorithmId);
    }
  }

  synchronized void caseFinished(String caseId, boolean ok) {
    if (steps.remove(caseId) != null) {
      algorithms.remove(caseId);
      if (ok) {
        succeeded++;
      } else {
        failed++;
      }
    }
  }

  synchronized Snapshot snapshot() {
    List<ActiveCase> active = new ArrayList<>();
    steps.forEach((caseId, step) -> active.add(new ActiveCase(caseId, step,
        Collections.unmodifiableMap(new LinkedHashMap<>(algorithms.get(caseId))))));
    return new Snapshot(total, succeeded, failed, List.copyOf(active));
  }
}
