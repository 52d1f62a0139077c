package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.inference.brain.BrainExtractor;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a brain mask for one image with a brainchop skull-stripping model such as MindGrab. */
@Command(
    name = "brain-extract",
    mixinStandardHelpOptions = true,
    description = {
        "Write the brain mask (0/1, uint8) of one image on the image's own grid, using a brainchop"
            + " skull-stripping model such as MindGrab.",
        "The image is conformed to 256^3 1 mm LIA, scaled as brainchop does, segmented, reduced to the"
            + " largest connected component and mapped back to its grid."})
final class BrainExtractCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "IMAGE", description = "NIfTI image of any grid and orientation.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "MASK", description = "NIfTI mask to write.")
  Path output;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "MindGrab as an ONNX file, a TensorFlow.js folder (model.json + model.bin, converted once into the"
          + " cache) or an http(s) URL of an ONNX file (downloaded once into the cache; needs --model-sha256)."
          + " Default: brainchop's MindGrab, downloaded into the cache on first use.")
  String model;

  @Mixin
  InferenceOptions inference;

  @Override
  public Integer call() throws Exception {
    ExecutionOptions options = inference.executionOptions(spec, model);
    OutputPaths.of(spec).input("-i", input).niftiOutput("-o", output).check();
    Path modelPath = model != null ? inference.resolve(spec, model) : DefaultModels.mindGrab(inference);
    FloatVolume image = Nifti.readFloat(input);
    ImageContent.requireContrast(input, image, "an MR image of a head is required");
    LabelVolume mask;
    try (BrainExtractor extractor = BrainExtractor.open(modelPath, inference.cache(), options)) {
      mask = extractor.extract(image);
    }
    long voxels = mask.histogram()[1];
    if (voxels == 0) {
      throw new IllegalArgumentException(input + ": the model found no brain, so nothing was written; an MR image of a"
          + " head is required");
    }
    Nifti.writeLabels(output, mask);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "wrote %s: brain %d voxels, %.1f mL%n", output, voxels, voxels * mask.grid().voxelVolumeMl());
    out.flush();
    return ExitCodes.OK;
  }
}
