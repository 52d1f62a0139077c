package io.github.bratsensemble.preprocessor.pipeline;

import java.io.IOException;

/** A case that cannot be preprocessed; the message names the file or step and what to do. */
public final class PreprocessingException extends IOException {
  public PreprocessingException(String message) {
    super(message);
  }

  public PreprocessingException(String message, Throwable cause) {
    super(message, cause);
  }
}
