package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Path;

/** An algorithm that cannot run in this installation; it is reported as skipped with the reason. */
public final class UnavailableAlgorithm implements SegmentationAlgorithm {
  private final AlgorithmDescriptor descriptor;
  private final String reason;

  public UnavailableAlgorithm(AlgorithmDescriptor descriptor, String reason) {
    this.descriptor = descriptor;
    this.reason = reason;
  }

  @Override
  public AlgorithmDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public LabelVolume segment(CaseInputs inputs, Device device, Path workDir) throws SegmentationException {
    throw new SegmentationException(RunStatus.SKIPPED, reason);
  }
}
