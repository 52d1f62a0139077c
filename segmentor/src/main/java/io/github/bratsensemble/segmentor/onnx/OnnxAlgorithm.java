package io.github.bratsensemble.segmentor.onnx;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.models.ModelStore;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.InferenceException;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.segment.OnnxSegmenter;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.SegmentationAlgorithm;
import io.github.bratsensemble.segmentor.SegmentationException;
import io.github.bratsensemble.segmentor.UnavailableAlgorithm;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmKind;
import io.github.bratsensemble.segmentor.registry.Modality;
import io.github.bratsensemble.segmentor.registry.OnnxSettings;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@code onnx} registry entry in-process with ONNX Runtime through the inference module's
 * {@link OnnxSegmenter}: reads the images listed in {@code inputs}, normalises them, runs the model
 * in sliding windows and decodes the output into labels of the entry's convention.
 *
 * <p>The model file is resolved (downloaded into the cache when it is a URL) when the algorithm is
 * created; a model that cannot be resolved makes the algorithm {@linkplain UnavailableAlgorithm
 * unavailable}, so the run reports it as skipped with the reason. Each call to {@link #segment}
 * opens its own ONNX Runtime session on the device the scheduler assigned: CUDA on that GPU's index
 * when a GPU is assigned, the CPU otherwise, and the CPU with a logged warning when CUDA cannot be
 * initialised (for example with the CPU-only ONNX Runtime on the class path). The session is closed
 * on every path. Thread-safe.
 *
 * <p>NOTE: the GPU index is the one {@code nvidia-smi} reports, which orders devices by PCI bus.
 * CUDA numbers devices the same way only when {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} is set and
 * {@code CUDA_VISIBLE_DEVICES} is unset, so set the former on machines with different GPU models.
 */
public final class OnnxAlgorithm implements SegmentationAlgorithm {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxAlgorithm.class);

  private final AlgorithmDescriptor descriptor;
  private final OnnxSettings settings;
  private final Path modelFile;

  private OnnxAlgorithm(AlgorithmDescriptor descriptor, OnnxSettings settings, Path modelFile) {
    this.descriptor = descriptor;
    this.settings = settings;
    this.modelFile = modelFile;
  }

  /**
   * Returns the algorithm for an {@code onnx} entry, or an {@link UnavailableAlgorithm} with the
   * reason when the entry has no ONNX settings or its model cannot be found, downloaded or verified.
   *
   * @throws IllegalArgumentException if the entry is not of kind {@code onnx}
   */
  public static SegmentationAlgorithm create(AlgorithmDescriptor descriptor, ModelStore models) {
    if (descriptor.kind() != AlgorithmKind.ONNX) {
      throw new IllegalArgumentException(descriptor.id() + " is not an onnx algorithm");
    }
    OnnxSettings settings = descriptor.onnx();
    if (settings == null) {
      return new UnavailableAlgorithm(descriptor, "no ONNX model settings (inputs, output) were given");
    }
    try {
      return new OnnxAlgorithm(descriptor, settings, models.resolve(settings.model()));
    } catch (IOException e) {
      return new UnavailableAlgorithm(descriptor, "model unavailable: " + e.getMessage());
    }
  }

  @Override
  public AlgorithmDescriptor descriptor() {
    return descriptor;
  }

  /** Returns the local model file that sessions are created from. */
  public Path modelFile() {
    return modelFile;
  }

  @Override
  public LabelVolume segment(CaseInputs inputs, Device device, Path workDir)
      throws SegmentationException, IOException, InterruptedException {
    List<Modality> modalities = settings.inputs();
    FloatVolume[] channels = new FloatVolume[modalities.size()];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = Nifti.readFloat(inputs.path(modalities.get(c)));
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    ExecutionOptions options = executionOptions(settings.intraOpThreads(), device);
    try (OnnxSegmenter segmenter = new OnnxSegmenter(OnnxModel.load(modelFile, options), settings.segmenterConfig())) {
      if (device.isGpu() && !segmenter.model().device().startsWith("CUDA")) {
        LOG.warn("{}: assigned {} but ONNX Runtime runs the model on the {}", descriptor.id(), device,
            segmenter.model().device());
      }
      return segmenter.segment(channels);
    } catch (IllegalArgumentException | InferenceException e) {
      throw new SegmentationException(RunStatus.FAILED, e.getMessage(), e);
    }
  }

  /** Returns CUDA on the GPU's index when {@code device} is a GPU, else the CPU. */
  static ExecutionOptions executionOptions(int intraOpThreads, Device device) {
    return new ExecutionOptions(intraOpThreads, device.gpuIfAny().map(gpu -> gpu.index()).orElse(ExecutionOptions.CPU));
  }
}
