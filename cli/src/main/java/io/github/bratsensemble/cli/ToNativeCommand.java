package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.manifest.ManifestFile;
import io.github.bratsensemble.preprocessor.nativespace.NativeSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Maps a BraTS-space label map back onto a native input sequence of a preprocessed case. */
@Command(
    name = "to-native",
    mixinStandardHelpOptions = true,
    description = "Map a BraTS-space label map (240x240x155) onto the grid of one of the case's input sequences,"
        + " through the transforms the preprocess command wrote, with label-aware interpolation.")
final class ToNativeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = "--case", required = true, paramLabel = "PREPROCESSED_DIR",
      description = "A case folder written by the preprocess command.")
  Path caseFolder;

  @Option(names = "--segmentation", required = true, paramLabel = "FILE", description = "BraTS-space label map.")
  Path segmentation;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "Output label map on the native grid (.nii or .nii.gz).")
  Path output;

  @Option(names = "--sequence", paramLabel = "SEQ",
      description = "Input sequence whose grid to use: t1, t1c, t2 or flair (default: the case's centre sequence).")
  String sequence;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "output " + output + " must end in .nii or .nii.gz");
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (workers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1 but was " + workers);
    }
    Sequence target;
    try {
      target = sequence != null ? Sequence.parse(sequence) : Sequence.parse(ManifestFile.read(caseFolder).center());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--sequence: " + e.getMessage());
    }
    OutputPaths.of(spec).input("--segmentation", segmentation).output("-o", output).check();

    LabelVolume labels = Nifti.readLabels(segmentation);
    if (!labels.grid().dimensions().equals(Grid.BRATS.dimensions())) {
      throw new IOException(segmentation + ": dimensions are " + labels.grid().dimensions() + " but a BraTS-space"
          + " label map of " + Grid.BRATS.dimensions() + " is expected");
    }
    LabelVolume nativeLabels = NativeSpace.toNative(caseFolder, labels, target, workers);
    Nifti.writeLabels(output, nativeLabels);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s -> %s (%s grid %s)%n", segmentation, output, target, nativeLabels.grid().dimensions());
    out.flush();
    return ExitCodes.OK;
  }
}
