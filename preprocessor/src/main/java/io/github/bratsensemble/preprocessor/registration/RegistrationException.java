package io.github.bratsensemble.preprocessor.registration;

/**
 * A registration that cannot run or cannot produce a meaningful transform: an empty image, images
 * that do not overlap, or a metric that is not a number.
 */
public final class RegistrationException extends RuntimeException {
  public RegistrationException(String message) {
    super(message);
  }
}
