package io.github.bratsensemble.cli.run;

/**
 * One step of one case as the run manifest records it.
 *
 * @param status {@code ok}, {@code failed}, {@code skipped} or {@code reused}
 * @param seconds wall time of the step
 * @param device where it ran ({@code cpu}, {@code gpu:0}) or an empty string
 * @param detail the error or skip reason, or an empty string
 */
public record StepRecord(String status, double seconds, String device, String detail) {
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
  public static final String REUSED = "reused";

  public boolean ok() {
    return OK.equals(status) || REUSED.equals(status);
  }
}
