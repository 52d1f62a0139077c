package io.github.bratsensemble.fusionator.labels;

/**
 * What an iterative fusion method learned about one structure (a BraTS region or a custom label):
 * iterations used, convergence and per-input scores. Implementations are immutable records that
 * the agreement report serialises as they are.
 */
public interface StructureDiagnostics {

  /** Returns the structure name: {@code WT}, {@code TC}, {@code ET}, {@code label 3}, {@code all labels}. */
  String structure();
}
