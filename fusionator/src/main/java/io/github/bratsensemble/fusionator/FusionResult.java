package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;

/**
 * The outcome of one fusion.
 *
 * @param fused the consensus label map on the reference input's grid
 * @param options the options it ran with
 * @param inputNames the input names, in input order
 * @param weights the weights used, one per input
 * @param stack the inputs (converted to the output convention) restricted to their active voxels
 * @param activeLabels the consensus at the stack's active voxels
 * @param diagnostics per-structure diagnostics of iterative methods (SIMPLE rounds and scores,
 *     STAPLE sensitivities and specificities or confusion matrices); empty for voting methods
 * @param warnings conditions the caller should tell the user about (such as a single input)
 */
public record FusionResult(
    LabelVolume fused,
    FusionOptions options,
    List<String> inputNames,
    double[] weights,
    LabelStack stack,
    FusedLabels activeLabels,
    List<StructureDiagnostics> diagnostics,
    List<String> warnings) {

  public FusionResult {
    inputNames = List.copyOf(inputNames);
    diagnostics = List.copyOf(diagnostics);
    warnings = List.copyOf(warnings);
  }
}
