package io.github.bratsensemble.segmentor;

/** The outcome of one algorithm in a segmentation run. */
public enum RunStatus {
  OK("ok"),
  FAILED("failed"),
  TIMED_OUT("timed out"),
  SKIPPED("skipped");

  private final String label;

  RunStatus(String label) {
    this.label = label;
  }

  /** Returns the word shown in summaries: ok, failed, timed out or skipped. */
  public String label() {
    return label;
  }
}
