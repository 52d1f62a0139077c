package io.github.bratsensemble.fusionator.simple;

import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;

/**
 * The outcome of SIMPLE for one structure.
 *
 * @param rounds score-and-vote rounds run
 * @param converged whether the retained set and the estimate stopped changing before the cap
 * @param scores per input, the last Dice score against the estimate (for a discarded input, the
 *     score that discarded it)
 * @param retained per input, whether it voted in the final estimate
 */
public record SimpleDiagnostics(
    String structure, int rounds, boolean converged, double[] scores, boolean[] retained)
    implements StructureDiagnostics {}
