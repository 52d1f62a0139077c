package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiDataType;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.nifti.NiftiWriter;
import io.github.bratsensemble.imaging.nifti.WriteOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Rewrites any supported NIfTI input as a single-file NIfTI-1 image with the same data and geometry. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Read any supported NIfTI file and write it as NIfTI-1 (.nii or .nii.gz by the output name),"
        + " keeping voxel values (scaling applied) and the voxel-to-world affine.")
final class ConvertCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "IN", description = "Input NIfTI file.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file ending in .nii or .nii.gz.")
  Path output;

  @Option(names = "--datatype", paramLabel = "TYPE",
      description = "Store as this datatype (uint8, int16, float32, ...); default: the smallest lossless one.")
  String dataType;

  @Override
  public Integer call() throws Exception {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "output " + output + " must end in .nii or .nii.gz");
    }
    WriteOptions options = WriteOptions.defaults();
    if (dataType != null) {
      options = options.withDataType(parseType(dataType));
    }
    OutputPaths.of(spec).input("IN", input).output("OUT", output).check();
    NiftiImage image = Nifti.read(input);
    NiftiWriter.write(output, image, options);
    spec.commandLine().getOut().printf("%s -> %s%n", input, output);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private NiftiDataType parseType(String text) {
    for (NiftiDataType type : NiftiDataType.values()) {
      if (type.toString().equalsIgnoreCase(text)) {
        return type;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "--datatype " + text
        + " is not one of uint8, int8, int16, uint16, int32, uint32, float32, float64");
  }
}
