package io.github.bratsensemble.preprocessor.discovery;

import java.io.IOException;

/** A case folder whose sequences cannot be identified or read; the message lists what was found. */
public final class DiscoveryException extends IOException {
  public DiscoveryException(String message) {
    super(message);
  }

  public DiscoveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
