package io.github.bratsensemble.fusionator.btk;

import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;

/**
 * The outcome of BraTS Toolkit's SIMPLE loop for one label or region.
 *
 * @param outputLabel the label written where the estimate is 1
 * @param rounds rounds run (at most 25)
 * @param converged whether the voxel-count change fell below 25 before the cap
 * @param weights per input, the last weight {@code (Dice + 1)^2}
 * @param voxelCount voxels in the final estimate
 */
public record BtkSimpleDiagnostics(
    String structure, int outputLabel, int rounds, boolean converged, double[] weights, int voxelCount)
    implements StructureDiagnostics {}
