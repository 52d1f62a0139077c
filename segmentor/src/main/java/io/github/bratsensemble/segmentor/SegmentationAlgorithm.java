package io.github.bratsensemble.segmentor;

import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One segmentation algorithm, whatever runs it (a container, an ONNX model, built-in code).
 * Implementations must be safe to call from several threads for different cases.
 */
public interface SegmentationAlgorithm {

  AlgorithmDescriptor descriptor();

  /**
   * Segments one case.
   *
   * @param device the GPU to use, or the CPU
   * @param workDir an empty folder for this call's temporary files, deleted afterwards
   * @return the label map in the convention of {@code descriptor().labels()}, on
   *     {@code inputs.grid()}; the caller validates both
   * @throws SegmentationException when the algorithm fails or times out, with the reason
   * @throws InterruptedException when the run is cancelled; implementations stop their work first
   */
  LabelVolume segment(CaseInputs inputs, Device device, Path workDir)
      throws SegmentationException, IOException, InterruptedException;
}
