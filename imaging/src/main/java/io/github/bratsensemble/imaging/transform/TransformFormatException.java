package io.github.bratsensemble.imaging.transform;

import java.io.IOException;

/** A transform file that cannot be read: its message names the file, what was expected and what was found. */
public final class TransformFormatException extends IOException {
  public TransformFormatException(String message) {
    super(message);
  }
}
