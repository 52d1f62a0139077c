package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.tissue.TissueSegmenter;
import io.github.bratsensemble.inference.tissue.TissueVolumes;
import io.github.bratsensemble.preprocessor.intensity.BiasFieldCorrection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the grey and white matter of one T1-weighted image with a MeshNet tissue model. */
@Command(
    name = "tissue",
    mixinStandardHelpOptions = true,
    description = {
        "Write the grey matter (1) and white matter (2) of one T1-weighted image on the image's own grid,"
            + " using a MeshNet grey/white-matter ONNX model such as niivue-onnx's.",
        "The image is skull-stripped with --brain-mask when given. Its bias field is corrected inside the"
            + " brain mask, or else inside the foreground (voxels above a tenth of the 99th percentile), unless"
            + " --no-bias-correction is given. Then the image is conformed to 256^3 1 mm LIA, scaled as"
            + " niivue-onnx does, segmented as one volume and mapped back to its grid."})
final class TissueCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "T1", description = "T1-weighted NIfTI image of any grid and orientation.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "LABELS", description = "NIfTI label map to write.")
  Path output;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "MeshNet as an ONNX file (one input channel; outputs background, white matter, grey matter)"
          + " or an http(s) URL of one (downloaded once into the cache; needs --model-sha256). Default:"
          + " niivue-onnx's MeshNet, downloaded into the cache on first use.")
  String model;

  @Option(names = "--no-bias-correction", description = "Feed the image as it is, without correcting its bias field.")
  boolean noBiasCorrection;

  @Option(names = "--brain-mask", paramLabel = "MASK",
      description = "Brain mask on the image's grid (non-zero = brain), such as brain-extract writes: the image is"
          + " skull-stripped with it before anything else. Use it for whole-head images.")
  Path brainMask;

  @Mixin
  InferenceOptions inference;

  @Override
  public Integer call() throws Exception {
    ExecutionOptions options = inference.executionOptions(spec, model);
    OutputPaths.of(spec).input("-i", input).input("--brain-mask", brainMask).niftiOutput("-o", output).check();
    Path modelPath = model != null ? inference.resolve(spec, model) : DefaultModels.meshNet(inference);

    FloatVolume image = Nifti.readFloat(input);
    LabelVolume mask = brainMask == null ? null : readMask(image);
    if (mask != null) {
      image = image.masked(mask);
    }
    ImageContent.requireContrast(input, image, mask == null ? "a T1-weighted image is required"
        : "a T1-weighted image with brain inside --brain-mask is required");
    if (!noBiasCorrection) {
      LabelVolume region = mask != null ? mask : Foreground.of(image);
      image = BiasFieldCorrection.correct(image, region, Runtime.getRuntime().availableProcessors());
    }

    LabelVolume tissue;
    try (TissueSegmenter segmenter = new TissueSegmenter(OnnxModel.load(modelPath, options))) {
      tissue = segmenter.segment(image);
    }
    if (mask != null) {
      tissue = tissue.masked(mask);
    }

    TissueVolumes volumes = TissueVolumes.of(tissue);
    if (volumes.greyMl() == 0 && volumes.whiteMl() == 0) {
      throw new IllegalArgumentException(input + ": the model found no grey or white matter, so nothing was written;"
          + " a T1-weighted brain image is required");
    }
    Nifti.writeLabels(output, tissue);

    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "wrote %s: grey matter %.1f mL, white matter %.1f mL%s%n", output, volumes.greyMl(),
        volumes.whiteMl(), noBiasCorrection ? " (no bias correction)" : "");
    out.flush();
    return ExitCodes.OK;
  }

  /** Reads the brain mask and checks it against the image grid and for brain voxels. */
  private LabelVolume readMask(FloatVolume image) throws java.io.IOException {
    LabelVolume mask = Nifti.readLabels(brainMask);
    String difference = image.grid().describeDifference(mask.grid(), Grid.DEFAULT_TOLERANCE_MM);
    if (!difference.isEmpty()) {
      throw new IllegalArgumentException(brainMask + ": the brain mask is not on the grid of " + input + ": " + difference);
    }
    if (mask.histogram()[0] == mask.voxelCount()) {
      throw new IllegalArgumentException(brainMask + ": the brain mask has no voxel above 0");
    }
    return mask;
  }
}
