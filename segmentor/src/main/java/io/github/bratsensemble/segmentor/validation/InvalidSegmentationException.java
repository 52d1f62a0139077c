package io.github.bratsensemble.segmentor.validation;

/** A result that is not a valid label map for the case; the message names the result and the problem. */
public final class InvalidSegmentationException extends Exception {
  public InvalidSegmentationException(String message) {
    super(message);
  }

  public InvalidSegmentationException(String message, Throwable cause) {
    super(message, cause);
  }
}
