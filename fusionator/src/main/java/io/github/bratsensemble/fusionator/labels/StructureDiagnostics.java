package io.github.bratsensemble.fusionator.labels;

/**
 * The diagnostics of an iterative fusion method for one structure (a BraTS region or a custom
 * label), such as iterations used, convergence and per-input scores. Implementations are immutable records that
 * the agreement report serialises as they are.
 */
public interface StructureDiagnostics {

  /** Returns the structure name: {@code WT}, {@code TC}, {@code ET}, {@code label 3}, {@code all labels}. */
  String structure();
}
