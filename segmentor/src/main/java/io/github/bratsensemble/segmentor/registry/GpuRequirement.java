package io.github.bratsensemble.segmentor.registry;

/** Whether an algorithm needs a GPU. */
public enum GpuRequirement {
  /** Runs only on a GPU; skipped when none is available. */
  REQUIRED("required"),
  /** Uses a GPU when one is free, else runs on the CPU. */
  OPTIONAL("optional"),
  /** Runs on the CPU only. */
  NONE("none");

  private final String jsonName;

  GpuRequirement(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
