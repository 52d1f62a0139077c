package io.github.bratsensemble.preprocessor.discovery;

/** A file naming convention under which a sequence was recognised. */
public enum NamingConvention {
  /** {@code <case>-t1n}, {@code -t1c}, {@code -t2w}, {@code -t2f}. */
  BRATS_2023("BraTS 2023 name"),
  /** {@code <case>_t1}, {@code _t1ce}, {@code _t2}, {@code _flair}. */
  BRATS_2017("BraTS 2017-2021 name"),
  /** {@code t1}, {@code t1c}, {@code t2}, {@code fla} or {@code flair} as the whole name. */
  BRATS_TOOLKIT("BraTS Toolkit name"),
  /** {@code sub-*_T1w}, {@code sub-*_ce-*_T1w}, {@code sub-*_T2w}, {@code sub-*_FLAIR}. */
  BIDS("BIDS name"),
  /** Given on the command line with {@code --t1}, {@code --t1c}, {@code --t2} or {@code --flair}. */
  EXPLICIT("given explicitly");

  private final String description;

  NamingConvention(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
