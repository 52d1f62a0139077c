package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.nio.file.Files;
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

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output NIfTI file.")
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
    RegisterCommand.CliChecks.requireFile(input, "input image");
    RegisterCommand.CliChecks.requireFile(reference, "reference image");
    AffineTransform chain = readChain();
    if (Files.exists(output) && Files.isSameFile(input, output)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "output " + output + " is the input file; choose another name so the input is not modified");
    }

    Grid target = Nifti.read(reference).grid();
    if (mode == Interpolation.LABEL) {
      if (fill != Math.rint(fill) || fill < 0 || fill > 255) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--fill " + fill + " must be a label 0..255 with label interpolation");
      }
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

  private AffineTransform readChain() throws java.io.IOException {
    AffineTransform chain = AffineTransform.identity();
    for (String spec : transforms) {
      boolean inverse = false;
      // ANTs writes [file,1] for an inverse; the brackets are optional here.
      String file = spec.replace("[", "").replace("]", "");
      String text = file;
      int comma = text.lastIndexOf(',');
      if (comma >= 0) {
        String suffix = text.substring(comma + 1).strip();
        if (!suffix.equals("inverse") && !suffix.equals("1") && !suffix.equals("0")) {
          throw new CommandLine.ParameterException(this.spec.commandLine(),
              "--transform " + spec + ": the text after the comma must be inverse (or ANTs' 1), not " + suffix);
        }
        inverse = !suffix.equals("0");
        file = text.substring(0, comma);
      }
      Path path = Path.of(file);
      RegisterCommand.CliChecks.requireFile(path, "transform file");
      AffineTransform transform = TransformFiles.read(path);
      // Listed transforms apply to points from the last to the first.
      chain = chain.after(inverse ? transform.inverse() : transform);
    }
    return chain;
  }
}
