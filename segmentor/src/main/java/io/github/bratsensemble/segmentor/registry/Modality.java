package io.github.bratsensemble.segmentor.registry;

/** The four MRI sequences of a BraTS case. */
public enum Modality {
  T1("t1"),
  T1C("t1c"),
  T2("t2"),
  FLAIR("flair");

  private final String key;

  Modality(String key) {
    this.key = key;
  }

  /** Returns the lower-case key used in configuration, such as {@code "flair"}. */
  public String key() {
    return key;
  }
}
