package io.github.bratsensemble.cli;

import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.algorithms.phantom.PhantomWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a synthetic BraTS-like case with known ground truth. */
@Command(
    name = "phantom",
    mixinStandardHelpOptions = true,
    description = {
        "Generate a synthetic BraTS-like case with known ground truth on the BraTS grid (240x240x155, 1 mm).",
        "Writes <case>-t1n, -t1c, -t2w, -t2f (.nii.gz), the truth <case>-seg.nii.gz in BraTS 2023 labels"
            + " (1 NCR, 2 ED, 3 ET) and the brain mask <case>-brainmask.nii.gz.",
        "The same options always give the same files."})
final class PhantomCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder (created if absent).")
  Path output;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed, 0 or more (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--case-id", paramLabel = "ID", description = "File name prefix (default: phantom-<seed>).")
  String caseId;

  @Option(names = "--anisotropic", description = "Acquire T2 and FLAIR as 5 mm axial slices (240x240x31).")
  boolean anisotropic;

  @Option(names = "--misalign",
      description = "Move the head by a random rigid motion (up to 4 degrees and 4 mm per axis) before acquiring"
          + " T1c, T2 and FLAIR; T1 and the truth stay in place.")
  boolean misalign;

  @Option(names = "--second-lesion", description = "Add a smaller second tumour in the other hemisphere.")
  boolean secondLesion;

  @Override
  public Integer call() throws Exception {
    if (seed < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed must be 0 or more but was " + seed);
    }
    String id = caseId != null ? caseId : "phantom-" + seed;
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "invalid --case-id '" + id + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    Phantom phantom = PhantomGenerator.generate(new PhantomOptions(seed, anisotropic, misalign, secondLesion));
    List<Path> files = PhantomWriter.write(phantom, output, id);

    PrintWriter out = spec.commandLine().getOut();
    for (Path file : files) {
      out.println("wrote " + file);
    }
    long[] counts = phantom.truth().histogram();
    double voxelMl = phantom.truth().grid().voxelVolumeMl();
    out.printf(Locale.ROOT, "truth (BraTS 2023 labels): WT %.1f mL, TC %.1f mL, ET %.1f mL%n",
        (counts[1] + counts[2] + counts[3]) * voxelMl, (counts[1] + counts[3]) * voxelMl, counts[3] * voxelMl);
    out.flush();
    return ExitCodes.OK;
  }
}
