package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiFormatException;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Resamples an image onto a reference grid through a chain of transform files, like ANTs'
 * antsApplyTransforms: the transforms are applied to reference points last-listed first, so
 * {@code -t A -t B} reads the input at {@code A(B(p))} for each reference voxel centre {@code p}.
 */
@Command(
    name = "apply-transform",
    mixinStandardHelpOptions = true,
    description = "Resample an image onto the grid of a reference image through transform files (.mat, .tfm,"
        + " .txt), in antsApplyTransforms order: the last -t is applied to reference points first. Append"
        + " ,inverse to a file name to use its inverse.")
final class ApplyTransformCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "IN", description = "Image to resample.")
  Path input;

  @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REFERENCE",
      description = "Image whose grid the output takes.")
  Path reference;

  @Option(names = {"-t", "--transform"}, paramLabel = "T[,inverse]",
      description = "Transform file, repeatable; none means the identity.")
  List<String> transforms = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Output NIfTI file (.nii or .nii.gz).")
  Path output;

  @Option(names = {"-n", "--interpolation"}, paramLabel = "MODE", defaultValue = "linear",
      description = "nearest, linear, bspline, or label (per-label linear, then the largest; for label maps)"
          + " (default: ${DEFAULT-VALUE}).")
  String interpolation;

  @Option(names = "--fill", paramLabel = "VALUE", defaultValue = "0",
      description = "Value of output voxels that map outside the input (default: ${DEFAULT-VALUE}).")
  float fill;

  @Override
  public Integer call() throws Exception {
    Interpolation mode;
    try {
      mode = Interpolation.parse(interpolation);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--interpolation: " + e.getMessage());
    }
    if (mode == Interpolation.LABEL && (fill != Math.rint(fill) || fill < 0 || fill > 255)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--fill " + fill + " must be a label 0..255 with label interpolation");
    }
    RegisterCommand.CliChecks.requireNiftiExtension(spec, output, "-o");
    List<TransformSpec> specs = parseTransforms();
    RegisterCommand.CliChecks.requireFile(input, "input image");
    RegisterCommand.CliChecks.requireFile(reference, "reference image");
    for (TransformSpec transform : specs) {
      RegisterCommand.CliChecks.requireFile(transform.file(), "transform file");
    }
    OutputPaths paths = OutputPaths.of(spec).input("-i", input).input("-r", reference);
    for (TransformSpec transform : specs) {
      paths.input("-t", transform.file());
    }
    paths.output("-o", output).check();
    AffineTransform chain = readChain(specs);

    NiftiImage referenceImage = Nifti.read(reference);
    if (!referenceImage.isThreeDimensional()) {
      throw new NiftiFormatException(reference, "expected a 3-D reference image but found shape "
          + shapeText(referenceImage.shape()) + " (" + referenceImage.volumeCount() + " volumes)");
    }
    Grid target = referenceImage.grid();
    if (mode == Interpolation.LABEL) {
      LabelVolume labels = Nifti.readLabels(input);
      Nifti.writeLabels(output, Resampler.resampleLabels(labels, target, chain, mode, (int) fill));
    } else {
      FloatVolume image = Nifti.readFloat(input);
      Nifti.writeFloat(output, Resampler.resample(image, target, chain, mode, fill));
    }
    spec.commandLine().getOut().printf("%s -> %s (grid %s of %s, %s)%n", input, output, target.dimensions(),
        reference, mode.name().toLowerCase(Locale.ROOT));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** One {@code -t} argument: a transform file and whether to use its inverse. */
  private record TransformSpec(Path file, boolean inverse) {}

  private List<TransformSpec> parseTransforms() {
    List<TransformSpec> specs = new ArrayList<>();
    for (String text : transforms) {
      boolean inverse = false;
      // ANTs writes [file,1] for an inverse; the brackets are optional here.
      String file = text.replace("[", "").replace("]", "");
      int comma = file.lastIndexOf(',');
      if (comma >= 0) {
        String suffix = file.substring(comma + 1).strip();
        if (!suffix.equals("inverse") && !suffix.equals("1") && !suffix.equals("0")) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--transform " + text + ": the text after the comma must be inverse (or ANTs' 1), not " + suffix);
        }
        inverse = !suffix.equals("0");
        file = file.substring(0, comma);
      }
      specs.add(new TransformSpec(Path.of(file), inverse));
    }
    return specs;
  }

  private static AffineTransform readChain(List<TransformSpec> specs) throws java.io.IOException {
    AffineTransform chain = AffineTransform.identity();
    for (TransformSpec spec : specs) {
      AffineTransform transform = TransformFiles.read(spec.file());
      // Listed transforms apply to points from the last to the first.
      chain = chain.after(spec.inverse() ? transform.inverse() : transform);
    }
    return chain;
  }

  private static String shapeText(long[] shape) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      text.append(i > 0 ? "x" : "").append(shape[i]);
    }
    return text.toString();
  }
}
