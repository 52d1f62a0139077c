package io.github.bratsensemble.fusionator.labels;

/**
 * The nested BraTS tumour regions: whole tumour WT = {NCR, ED, ET}, tumour core TC = {NCR, ET},
 * enhancing tumour ET = {ET}, so ET lies inside TC and TC inside WT.
 */
public enum Region {
  WT,
  TC,
  ET;

  /**
   * Returns a lookup table indexed by label value 0..255 that is true for the labels of this
   * region in {@code convention}.
   *
   * @throws IllegalStateException if the convention is not a BraTS convention
   */
  public boolean[] members(LabelConvention convention) {
    boolean[] members = new boolean[256];
    members[convention.et()] = true;
    if (this != ET) {
      members[convention.ncr()] = true;
    }
    if (this == WT) {
      members[convention.ed()] = true;
    }
    return members;
  }
}
