package io.github.bratsensemble.segmentor.registry;

/** The execution mechanism of an algorithm. */
public enum AlgorithmKind {
  /** A container image run through the Docker Engine API. */
  DOCKER("docker"),
  /** An ONNX model run in-process with ONNX Runtime. */
  ONNX("onnx"),
  /** A weight-free algorithm implemented in this project. */
  BUILTIN("builtin");

  private final String jsonName;

  AlgorithmKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** Returns the name used in {@code algorithms.json}. */
  public String jsonName() {
    return jsonName;
  }
}
