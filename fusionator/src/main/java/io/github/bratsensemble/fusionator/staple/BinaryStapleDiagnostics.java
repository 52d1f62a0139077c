package io.github.bratsensemble.fusionator.staple;

import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;

/**
 * What binary STAPLE estimated for one structure.
 *
 * @param prior the fixed prior probability of foreground: the mean foreground fraction over all
 *     inputs and voxels
 * @param sensitivity per input, the estimated p = P(input decides 1 | truth 1), NaN when no input
 *     marks any voxel
 * @param specificity per input, the estimated q = P(input decides 0 | truth 0)
 */
public record BinaryStapleDiagnostics(
    String structure, int iterations, boolean converged, double prior, double[] sensitivity, double[] specificity)
    implements StructureDiagnostics {}
