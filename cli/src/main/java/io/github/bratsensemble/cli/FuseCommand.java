package io.github.bratsensemble.cli;

import io.github.bratsensemble.fusionator.Fusion;
import io.github.bratsensemble.fusionator.FusionInput;
import io.github.bratsensemble.fusionator.FusionInputs;
import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.FusionOptions;
import io.github.bratsensemble.fusionator.FusionResult;
import io.github.bratsensemble.fusionator.agreement.AgreementAnalysis;
import io.github.bratsensemble.fusionator.agreement.AgreementMaps;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.report.ReportWriter;
import io.github.bratsensemble.fusionator.simple.SimpleParameters;
import io.github.bratsensemble.fusionator.staple.StapleParameters;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import io.github.bratsensemble.fusionator.voting.Weights;
import io.github.bratsensemble.imaging.nifti.Nifti;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Fuses the label maps of several algorithms for one case into a consensus label map. */
@Command(
    name = "fuse",
    mixinStandardHelpOptions = true,
    description = {
        "Fuse label maps of one case (one per segmentation algorithm) into a consensus uint8 label map.",
        "Inputs are files, or one folder whose .nii/.nii.gz files are taken in sorted name order.",
        "Methods: majority (default), regions, simple, staple, staple-multilabel, btk-mav, btk-simple,"
            + " btk-brats-simple."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:processing error (message on stderr)", "2:usage error"})
final class FuseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Parameters(paramLabel = "IN", arity = "0..*", description = "Input label maps, or one folder of them.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "Output label map (.nii or .nii.gz), written atomically.")
  Path output;

  @Option(names = {"-m", "--method"}, paramLabel = "METHOD", defaultValue = "majority",
      description = "Fusion method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--labels", paramLabel = "CONVENTION", defaultValue = "brats2021",
      description = "Output label convention: brats2021, brats2023 or custom:L1,L2,... (default: ${DEFAULT-VALUE}).")
  String labels;

  @Option(names = "--input-labels", paramLabel = "CONVENTION", split = ";",
      description = "Label convention of the inputs, once for all or once per input separated by ';';"
          + " brats2021 and brats2023 inputs are converted to --labels (default: --labels).")
  List<String> inputLabels;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "One positive vote weight per input, in input order (default: 1 each); not with staple,"
          + " which estimates each input's reliability itself.")
  List<Double> weights;

  @Option(names = "--tie", paramLabel = "POLICY", defaultValue = "background",
      description = "Tie policy: background, undecided=<label> (a label that is not a foreground label of --labels)"
          + " or highest-priority (default: ${DEFAULT-VALUE}).")
  String tie;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "1",
      description = "SIMPLE: discard inputs scoring below mean - A * std (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--max-rounds", paramLabel = "N", defaultValue = "25",
      description = "SIMPLE: maximum number of rounds (default: ${DEFAULT-VALUE}).")
  int maxRounds;

  @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
      description = "STAPLE: posterior probability above which a voxel is foreground (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100",
      description = "STAPLE: maximum number of EM iterations (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--reference", paramLabel = "FILE",
      description = "The input whose grid the output takes (default: the first input).")
  Path reference;

  @Option(names = "--report", paramLabel = "FILE.json",
      description = "Write agreement statistics as JSON, and as CSV next to it (FILE.csv).")
  Path report;

  @Option(names = "--agreement-map", paramLabel = "FILE",
      description = "Write the fraction of inputs agreeing with the consensus per voxel (float32 NIfTI).")
  Path agreementMap;

  @Option(names = "--entropy-map", paramLabel = "FILE",
      description = "Write the normalised vote entropy per voxel (float32 NIfTI).")
  Path entropyMap;

  @Override
  public Integer call() throws IOException {
    List<Path> files = resolveInputs();
    FusionOptions options = options(files);
    checkOutputs(files);
    List<LabelConvention> conventions = inputConventions(options.convention(), files.size());

    List<FusionInput> fusionInputs = FusionInputs.read(files, conventions);
    FusionResult result = Fusion.fuse(fusionInputs, options);
    // The result keeps only the inputs' active voxels. Dropping the full-size maps lets 20 inputs
    // fit in a 512 MB heap while the report and maps are built.
    fusionInputs = null;

    PrintWriter err = spec.commandLine().getErr();
    for (String warning : result.warnings()) {
      err.println("brats-ensemble: warning: " + warning);
    }
    err.flush();

    Nifti.writeLabels(output, result.fused());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d inputs -> %s%n", options.method().cliName(), files.size(), output);
    if (report != null) {
      AgreementReport agreement = AgreementAnalysis.analyse(result);
      Path csv = ReportWriter.csvPathFor(report);
      ReportWriter.writeJson(report, agreement);
      ReportWriter.writeCsv(csv, agreement);
      out.printf("report -> %s, %s%n", report, csv);
    }
    if (agreementMap != null) {
      Nifti.writeFloat32(agreementMap, AgreementMaps.agreement(result));
      out.printf("agreement map -> %s%n", agreementMap);
    }
    if (entropyMap != null) {
      Nifti.writeFloat32(entropyMap, AgreementMaps.entropy(result));
      out.printf("entropy map -> %s%n", entropyMap);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Expands a single folder argument into its NIfTI files in sorted name order. */
  private List<Path> resolveInputs() throws IOException {
    if (inputs.isEmpty()) {
      throw usage("at least one input label map is required");
    }
    if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
      Path folder = inputs.get(0);
      List<Path> files = FusionInputs.listDirectory(folder);
      if (files.isEmpty()) {
        throw usage("folder " + folder + " contains no .nii or .nii.gz files");
      }
      return files;
    }
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        throw usage("input " + input + " is a folder; give either one folder or a list of files");
      }
    }
    return inputs;
  }

  private void checkOutputs(List<Path> files) throws IOException {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
      throw usage("output " + output + " must end in .nii or .nii.gz");
    }
    OutputPaths.of(spec)
        .inputs("IN", files)
        .output("-o", output)
        .output("--report", report)
        .output("--report (CSV)", report == null ? null : ReportWriter.csvPathFor(report))
        .output("--agreement-map", agreementMap)
        .output("--entropy-map", entropyMap)
        .check();
  }

  private FusionOptions options(List<Path> files) throws IOException {
    try {
      FusionOptions options = FusionOptions.defaults(FusionMethod.parse(method))
          .withConvention(LabelConvention.parse(labels))
          .withTie(TiePolicy.parse(tie))
          .withSimple(new SimpleParameters(alpha, maxRounds))
          .withStaple(new StapleParameters(threshold, maxIterations, StapleParameters.DEFAULTS.tolerance()))
          .withReferenceIndex(referenceIndex(files));
      if (weights != null) {
        if (options.method() == FusionMethod.STAPLE) {
          throw usage("--weights cannot be used with method " + options.method().cliName()
              + ", which estimates each input's reliability itself");
        }
        if (weights.size() != files.size()) {
          throw usage("--weights has " + weights.size() + " values for " + files.size() + " inputs; give one per input");
        }
        double[] values = weights.stream().mapToDouble(Double::doubleValue).toArray();
        try {
          Weights.check(values, files.size());
        } catch (IllegalArgumentException e) {
          throw usage("--weights: " + e.getMessage());
        }
        options = options.withWeights(values);
      }
      Fusion.checkOptions(options);
      return options;
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private int referenceIndex(List<Path> files) throws IOException {
    if (reference == null) {
      return 0;
    }
    for (int i = 0; i < files.size(); i++) {
      if (Files.exists(reference) && Files.isSameFile(reference, files.get(i))) {
        return i;
      }
    }
    throw usage("--reference " + reference + " is not one of the inputs");
  }

  private List<LabelConvention> inputConventions(LabelConvention outputConvention, int inputCount) {
    if (inputLabels == null || inputLabels.isEmpty()) {
      return List.of(outputConvention);
    }
    if (inputLabels.size() != 1 && inputLabels.size() != inputCount) {
      throw usage("--input-labels has " + inputLabels.size() + " conventions for " + inputCount
          + " inputs; give one, or one per input");
    }
    List<LabelConvention> conventions = new ArrayList<>();
    for (String text : inputLabels) {
      try {
        conventions.add(LabelConvention.parse(text));
      } catch (IllegalArgumentException e) {
        throw usage("--input-labels: " + e.getMessage());
      }
    }
    return conventions;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
