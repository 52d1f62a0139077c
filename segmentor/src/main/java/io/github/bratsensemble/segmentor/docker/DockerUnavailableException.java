package io.github.bratsensemble.segmentor.docker;

import java.io.IOException;

/** A Docker daemon that cannot be reached or used. The message tells the user what to do. */
public final class DockerUnavailableException extends IOException {
  public DockerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
