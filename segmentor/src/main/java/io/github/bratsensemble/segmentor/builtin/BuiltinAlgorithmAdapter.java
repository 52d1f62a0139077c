package io.github.bratsensemble.segmentor.builtin;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.BuiltinAlgorithms;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.SegmentationAlgorithm;
import io.github.bratsensemble.segmentor.SegmentationException;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmKind;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * Runs one of the project's built-in algorithms (module {@code algorithms}) in-process on the
 * CPU. The registry entry's {@code algorithm} field names it, for example {@code gmm}.
 */
public final class BuiltinAlgorithmAdapter implements SegmentationAlgorithm {
  private final AlgorithmDescriptor descriptor;
  private final BuiltinAlgorithm algorithm;

  private BuiltinAlgorithmAdapter(AlgorithmDescriptor descriptor, BuiltinAlgorithm algorithm) {
    this.descriptor = descriptor;
    this.algorithm = algorithm;
  }

  /**
   * Returns the adapter for a {@code builtin} registry entry.
   *
   * @throws IllegalArgumentException when the entry names no known built-in algorithm
   */
  public static BuiltinAlgorithmAdapter of(AlgorithmDescriptor descriptor) {
    if (descriptor.kind() != AlgorithmKind.BUILTIN) {
      throw new IllegalArgumentException(descriptor.id() + " is not a builtin algorithm");
    }
    try {
      return new BuiltinAlgorithmAdapter(descriptor, BuiltinAlgorithms.byId(descriptor.target()));
    } catch (NoSuchElementException e) {
      throw new IllegalArgumentException(descriptor.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public AlgorithmDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public LabelVolume segment(CaseInputs inputs, Device device, Path workDir)
      throws SegmentationException, IOException {
    BratsCase input;
    try {
      input = new BratsCase(Nifti.readFloat(inputs.t1()), Nifti.readFloat(inputs.t1c()),
          Nifti.readFloat(inputs.t2()), Nifti.readFloat(inputs.flair()),
          inputs.brainMask() == null ? null : Nifti.readLabels(inputs.brainMask()));
    } catch (IllegalArgumentException e) {
      throw new SegmentationException(RunStatus.FAILED, "invalid case: " + e.getMessage(), e);
    }
    try {
      return algorithm.segment(input);
    } catch (IllegalArgumentException e) {
      throw new SegmentationException(RunStatus.FAILED, e.getMessage(), e);
    }
  }
}
