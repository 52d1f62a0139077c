package io.github.bratsensemble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.fusionator.evaluation.BratsEvaluator;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelConversion;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Computes the BraTS metrics of predicted segmentations against a ground truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
        "Compute BraTS metrics per region (WT, TC, ET): Dice, HD95 (mm), surface Dice at 1 mm, sensitivity,"
            + " specificity, volumes (mL) and the BraTS 2023 lesion-wise Dice and HD95.",
        "Either one truth and one or more predictions, or a folder of truths and a folder of predictions"
            + " matched by case id (the file name without .nii/.nii.gz and without a trailing -seg or _seg)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every prediction evaluated",
        "1:a file could not be read or evaluated, or a truth case has no prediction",
        "2:usage error"})
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  static final class Inputs {
    @ArgGroup(exclusive = false)
    FileInputs files;

    @ArgGroup(exclusive = false)
    FolderInputs folders;
  }

  static final class FileInputs {
    @Option(names = "--truth", required = true, paramLabel = "SEG", description = "Ground-truth segmentation.")
    Path truth;

    @Option(names = "--pred", required = true, arity = "1..*", paramLabel = "SEG",
        description = "Predicted segmentations to evaluate against the truth.")
    List<Path> predictions;
  }

  static final class FolderInputs {
    @Option(names = "--truth-dir", required = true, paramLabel = "DIR",
        description = "Folder of ground-truth segmentations, one file per case.")
    Path truthDir;

    @Option(names = "--pred-dir", required = true, paramLabel = "DIR",
        description = "Folder of predictions, one file per case, matched to the truths by case id.")
    Path predictionDir;
  }

  @Option(names = "--labels", paramLabel = "CONVENTION", defaultValue = "brats2021",
      description = "Label convention of every file: brats2021 (1 NCR, 2 ED, 4 ET) or brats2023 (1 NCR, 2 ED,"
          + " 3 ET); --truth-labels and --pred-labels override it for one side. Default: ${DEFAULT-VALUE}.")
  String labels;

  @Option(names = "--truth-labels", paramLabel = "CONVENTION",
      description = "Label convention of the truths, which the metrics use (default: --labels).")
  String truthLabels;

  @Option(names = "--pred-labels", paramLabel = "CONVENTION",
      description = "Label convention of the predictions, converted to the truths' convention (default: --labels).")
  String predictionLabels;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "Output format: csv (one row per prediction and region) or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the table to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    LabelConvention convention = truthLabels != null
        ? parseConvention("--truth-labels", truthLabels) : parseConvention("--labels", labels);
    LabelConvention predictionConvention = predictionLabels != null
        ? parseConvention("--pred-labels", predictionLabels) : parseConvention("--labels", labels);
    String outputFormat = format.toLowerCase(Locale.ROOT);
    if (!outputFormat.equals("csv") && !outputFormat.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format must be csv or json but was '" + format + "'");
    }

    List<Pair> pairs = new ArrayList<>();
    int missing = 0;
    if (inputs.files != null) {
      String caseId = caseId(inputs.files.truth);
      for (Path prediction : inputs.files.predictions) {
        pairs.add(new Pair(caseId, inputs.files.truth, prediction));
      }
    } else {
      missing = matchFolders(pairs);
    }
    OutputPaths outputs = OutputPaths.of(spec);
    for (Pair pair : pairs) {
      outputs.input("--truth", pair.truth()).input("--pred", pair.prediction());
    }
    outputs.output("-o", output).check();

    BratsEvaluator evaluator = new BratsEvaluator(convention);
    List<EvaluationRows> results = new ArrayList<>();
    LabelVolume truth = null;
    Path truthPath = null;
    for (Pair pair : pairs) {
      if (!pair.truth().equals(truthPath)) {
        truth = Nifti.readLabels(pair.truth());
        truthPath = pair.truth();
      }
      LabelVolume prediction = Nifti.readLabels(pair.prediction());
      try {
        prediction = toConvention(prediction, predictionConvention, convention);
        results.add(new EvaluationRows(pair.caseId(), pair.truth().toString(), pair.prediction().toString(),
            evaluator.evaluate(truth, prediction)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot evaluate " + pair.prediction() + " against " + pair.truth() + ": " + e.getMessage(), e);
      }
    }

    String text = outputFormat.equals("csv") ? toCsv(results) : toJson(results);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.writeString(output, text);
    }
    return missing == 0 ? ExitCodes.OK : ExitCodes.PROCESSING_ERROR;
  }

  private LabelConvention parseConvention(String option, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.equals("brats2021") && !lower.equals("brats2023")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          option + " must be brats2021 or brats2023 but was '" + text + "'");
    }
    return LabelConvention.parse(lower);
  }

  /** Returns {@code prediction} in the truth's convention, after checking it holds only its own labels. */
  private static LabelVolume toConvention(LabelVolume prediction, LabelConvention from, LabelConvention to) {
    if (from.equals(to)) {
      return prediction;
    }
    for (int label : prediction.distinctLabels()) {
      if (!from.allows(label)) {
        throw new IllegalArgumentException("prediction contains label " + label + ", which is not part of "
            + from + " (labels " + from.describeLabels() + ")");
      }
    }
    return LabelVolume.wrap(prediction.grid(), LabelConversion.convert(prediction.labelArray(), from, to));
  }

  /** Pairs every truth with the prediction of the same case; returns the number of truths without one. */
  private int matchFolders(List<Pair> pairs) throws IOException {
    Map<String, Path> truths = segmentationsByCase(inputs.folders.truthDir, "--truth-dir");
    Map<String, Path> predictions = segmentationsByCase(inputs.folders.predictionDir, "--pred-dir");
    PrintWriter err = spec.commandLine().getErr();
    int missing = 0;
    for (Map.Entry<String, Path> truth : truths.entrySet()) {
      Path prediction = predictions.get(truth.getKey());
      if (prediction == null) {
        err.println("brats-ensemble: no prediction for case " + truth.getKey() + " in " + inputs.folders.predictionDir);
        missing++;
      } else {
        pairs.add(new Pair(truth.getKey(), truth.getValue(), prediction));
      }
    }
    for (String caseId : predictions.keySet()) {
      if (!truths.containsKey(caseId)) {
        err.println("brats-ensemble: skipped prediction " + predictions.get(caseId) + ": no ground truth for case "
            + caseId + " in " + inputs.folders.truthDir);
      }
    }
    err.flush();
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no case id of " + inputs.folders.truthDir + " matches a file in "
          + inputs.folders.predictionDir + "; files are matched by name without .nii/.nii.gz and -seg/_seg");
    }
    return missing;
  }

  private Map<String, Path> segmentationsByCase(Path folder, String option) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(option + " " + folder + (Files.exists(folder) ? " is not a folder" : " not found"));
    }
    Map<String, Path> byCase = new TreeMap<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path file : entries.sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || !(name.endsWith(".nii") || name.endsWith(".nii.gz"))) {
          continue;
        }
        Path previous = byCase.put(caseId(file), file);
        if (previous != null) {
          throw new IllegalArgumentException("case " + caseId(file) + " has two files in " + folder + ": "
              + previous.getFileName() + " and " + file.getFileName());
        }
      }
    }
    return byCase;
  }

  /** Returns the case id of a segmentation file: its name without extension and trailing -seg or _seg. */
  static String caseId(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".nii.gz")) {
      name = name.substring(0, name.length() - ".nii.gz".length());
    } else if (lower.endsWith(".nii")) {
      name = name.substring(0, name.length() - ".nii".length());
    }
    String lowerStem = name.toLowerCase(Locale.ROOT);
    if (lowerStem.endsWith("-seg") || lowerStem.endsWith("_seg")) {
      name = name.substring(0, name.length() - 4);
    }
    return name;
  }

  private static String toCsv(List<EvaluationRows> results) {
    StringBuilder csv = new StringBuilder(EvaluationRows.CSV_HEADER).append('\n');
    for (EvaluationRows result : results) {
      for (String line : result.csvLines()) {
        csv.append(line).append('\n');
      }
    }
    return csv.toString();
  }

  private static String toJson(List<EvaluationRows> results) throws IOException {
    List<Object> json = new ArrayList<>();
    for (EvaluationRows result : results) {
      json.add(result.toJson());
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
  }

  private record Pair(String caseId, Path truth, Path prediction) {}
}
