package io.github.bratsensemble.inference.onnx;

/** A failure inside ONNX Runtime while loading or running a model; the message names the model. */
public class InferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }

  public InferenceException(String message) {
    super(message);
  }
}
