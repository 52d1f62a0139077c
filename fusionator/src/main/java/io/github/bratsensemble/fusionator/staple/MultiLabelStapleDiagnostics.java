package io.github.bratsensemble.fusionator.staple;

import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;

/**
 * What multi-label STAPLE estimated.
 *
 * @param labels the class labels, background first; rows and columns of each matrix follow them
 * @param prior per class, the fixed prior probability (its frequency over all inputs and voxels)
 * @param confusion per input, the matrix {@code confusion[input][trueClass][inputClass]} =
 *     P(input decides inputClass | truth is trueClass). Each row sums to 1.
 */
public record MultiLabelStapleDiagnostics(
    String structure, int iterations, boolean converged, int[] labels, double[] prior, double[][][] confusion)
    implements StructureDiagnostics {}
