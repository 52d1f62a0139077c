package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.intensity.NormalizationMethod;
import io.github.bratsensemble.preprocessor.pipeline.BrainExtractionMethod;
import io.github.bratsensemble.preprocessor.pipeline.CaseResult;
import io.github.bratsensemble.preprocessor.pipeline.PreprocessOptions;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import io.github.bratsensemble.preprocessor.registration.TransformType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns raw MRI of one case, or of every case folder in a folder, into co-registered skull-stripped
 * BraTS-space inputs with native-space masks, transforms, QC pictures and a manifest.
 */
@Command(
    name = "preprocess",
    mixinStandardHelpOptions = true,
    description = {
        "Co-register the four sequences, extract the brain, register to the atlas and resample into BraTS space"
            + " (240x240x155, 1 mm), writing one folder per case.",
        "CASE_DIR is one case folder (NIfTI files named by the BraTS 2023, BraTS 2017-2021, BraTS Toolkit or BIDS"
            + " conventions, or DICOM series folders), or a folder of case folders, processed --jobs at a time.",
        "A case whose output folder holds a complete manifest is skipped unless --force is given."})
final class PreprocessCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "CASE_DIR", description = "A case folder or a folder of case folders.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT_DIR",
      description = "Output folder; each case gets OUT_DIR/<case id>.")
  Path output;

  @Option(names = "--t1", paramLabel = "FILE", description = "Native T1 (NIfTI file or DICOM folder), overriding discovery.")
  Path t1;

  @Option(names = "--t1c", paramLabel = "FILE", description = "Contrast-enhanced T1, overriding discovery.")
  Path t1c;

  @Option(names = "--t2", paramLabel = "FILE", description = "T2, overriding discovery.")
  Path t2;

  @Option(names = "--flair", paramLabel = "FILE", description = "FLAIR, overriding discovery.")
  Path flair;

  @Option(names = "--case-id", paramLabel = "ID", description = "Case name in output file names (default: the folder name).")
  String caseId;

  @Option(names = "--center", paramLabel = "SEQ", defaultValue = "t1c",
      description = "Sequence the others are registered to: t1c (default) or t1, t2, flair.")
  String center;

  @Option(names = "--brain-extraction", paramLabel = "METHOD",
      description = "mindgrab, atlas or none (inputs already skull-stripped); default: mindgrab when a model is"
          + " given or cached, otherwise atlas.")
  String brainExtraction;

  @Option(names = "--mindgrab-model", paramLabel = "PATH",
      description = "MindGrab model: a tfjs folder (model.json + model.bin) or an .onnx file; default: the cached"
          + " model, downloaded on first use.")
  Path mindgrabModel;

  @Option(names = "--atlas", paramLabel = "FILE",
      description = "T1 template to register to; default: the SRI-24 atlas, downloaded on first use.")
  Path atlas;

  @Option(names = "--atlas-mask", paramLabel = "FILE",
      description = "Brain mask of --atlas on its grid; default: the atlas voxels above 0 (skull-stripped templates).")
  Path atlasMask;

  @Option(names = "--atlas-transform", paramLabel = "TYPE", defaultValue = "rigid",
      description = "Registration to the atlas: rigid (default) or affine.")
  String atlasTransform;

  @Option(names = "--interpolation", paramLabel = "METHOD", defaultValue = "bspline",
      description = "Interpolation into BraTS space: bspline (cubic B-spline, default) or linear.")
  String interpolation;

  @Option(names = "--bias-correction", description = "Remove a smooth multiplicative bias field inside the brain.")
  boolean biasCorrection;

  @Option(names = "--normalize", paramLabel = "METHOD", defaultValue = "none",
      description = "Intensity normalisation inside the brain: zscore, percentile (0.5-99.5 to 0-1) or none (default).")
  String normalize;

  @Option(names = "--deface", description = "Also write defaced full-head native images.")
  boolean deface;

  @Option(names = "--no-reorient", description = "Keep the stored voxel order instead of RAS (results are the same in world space).")
  boolean noReorient;

  @Option(names = "--no-coregistration", description = "Trust the headers: do not register the sequences to the centre sequence.")
  boolean noCoRegistration;

  @Option(names = "--no-atlas-registration",
      description = "Take native world coordinates as atlas coordinates (inputs already in atlas space).")
  boolean noAtlasRegistration;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Download cache for the atlas and models (default: $BRATS_ENSEMBLE_CACHE, else the user's cache"
          + " folder, such as ~/.cache/brats-ensemble).")
  Path cacheDir;

  @Option(names = "--offline", description = "Never download; fail when the atlas or model is not cached.")
  boolean offline;

  @Option(names = "--force", description = "Process cases again even when their manifest is complete.")
  boolean force;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Cases processed at once (default 1).")
  int jobs;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads per case (default: available processors divided by --jobs).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1) {
      throw usage("--jobs must be at least 1 but was " + jobs);
    }
    if (OutputPaths.same(input, output)) {
      throw usage("-o and CASE_DIR are the same folder " + output
          + "; choose another output folder so the input folder is not modified");
    }
    Map<Sequence, Path> overrides = overrides();
    if (overrides.size() < Sequence.values().length && !Files.isDirectory(input)) {
      throw new IOException("case folder " + input + " not found or not a folder");
    }
    boolean single = !overrides.isEmpty() || CaseDiscovery.isCaseFolder(input);
    if (!single && caseId != null) {
      throw usage("--case-id applies to one case, but " + input + " is a folder of cases");
    }
    PreprocessOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    try (Preprocessor preprocessor = Preprocessor.open(options, mindgrabModel)) {
      if (single) {
        CaseInputs inputs = caseId == null
            ? CaseDiscovery.discover(input, overrides)
            : CaseDiscovery.discover(input, caseId, overrides);
        report(out, preprocessor.process(inputs, output));
        return ExitCodes.OK;
      }
      return batch(preprocessor, out);
    }
  }

  private int batch(Preprocessor preprocessor, PrintWriter out) throws IOException {
    List<Path> folders = CaseDiscovery.caseFolders(input);
    if (folders.isEmpty()) {
      throw new IOException("no case folder found in " + input + ": neither NIfTI images nor DICOM series folders"
          + " are in it or in its subfolders");
    }

    PrintWriter err = spec.commandLine().getErr();
    List<CaseInputs> cases = new ArrayList<>();
    int failed = 0;
    for (Path folder : folders) {
      try {
        cases.add(CaseDiscovery.discover(folder, Map.of()));
      } catch (IOException e) {
        err.println("brats-ensemble: " + e.getMessage());
        failed++;
      }
    }

    int skipped = 0;
    for (Preprocessor.BatchOutcome outcome : preprocessor.processAll(cases, output, jobs)) {
      if (outcome.error() != null) {
        err.println("brats-ensemble: " + outcome.caseId() + ": " + outcome.error().getMessage());
        failed++;
      } else {
        report(out, outcome.result());
        skipped += outcome.result().skipped() ? 1 : 0;
      }
    }

    int done = folders.size() - failed - skipped;
    out.printf("%d cases: %d preprocessed, %d skipped, %d failed%n", folders.size(), done, skipped, failed);
    out.flush();
    err.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.PROCESSING_ERROR;
  }

  private static void report(PrintWriter out, CaseResult result) {
    if (result.skipped()) {
      out.printf("%s: skipped, complete in %s%n", result.caseId(), result.folder());
    } else {
      double seconds = 0;
      for (var step : result.manifest().steps()) {
        seconds += step.seconds();
      }
      out.printf(Locale.ROOT, "%s: preprocessed in %.1f s -> %s%n", result.caseId(), seconds, result.folder());
    }
    out.flush();
  }

  private Map<Sequence, Path> overrides() {
    Map<Sequence, Path> overrides = new EnumMap<>(Sequence.class);
    if (t1 != null) {
      overrides.put(Sequence.T1N, t1);
    }
    if (t1c != null) {
      overrides.put(Sequence.T1C, t1c);
    }
    if (t2 != null) {
      overrides.put(Sequence.T2W, t2);
    }
    if (flair != null) {
      overrides.put(Sequence.T2F, flair);
    }
    return overrides;
  }

  private PreprocessOptions options() throws IOException {
    int perCase = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    if (perCase < 1) {
      throw usage("--threads must be at least 1 but was " + perCase);
    }
    BrainExtractionMethod method = brainExtraction == null
        ? Preprocessor.defaultBrainExtraction(mindgrabModel, cacheDir)
        : parse(() -> BrainExtractionMethod.parse(brainExtraction), "--brain-extraction");
    Interpolation interp = parse(() -> Interpolation.parse(interpolation), "--interpolation");
    if (interp != Interpolation.BSPLINE && interp != Interpolation.LINEAR) {
      throw usage("--interpolation must be bspline or linear but was " + interpolation);
    }
    return PreprocessOptions.builder()
        .center(parse(() -> Sequence.parse(center), "--center"))
        .reorient(!noReorient)
        .coRegistration(!noCoRegistration)
        .atlasRegistration(!noAtlasRegistration)
        .atlasTransform(parse(() -> transformType(atlasTransform), "--atlas-transform"))
        .brainExtraction(method)
        .interpolation(interp)
        .biasCorrection(biasCorrection)
        .normalization(parse(() -> NormalizationMethod.parse(normalize), "--normalize"))
        .deface(deface)
        .atlasImage(atlas)
        .atlasMask(atlasMask)
        .cacheDir(cacheDir)
        .offline(offline)
        .force(force)
        .threads(perCase)
        .toolVersion(VersionProvider.version())
        .build();
  }

  private static TransformType transformType(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "rigid" -> TransformType.RIGID;
      case "affine" -> TransformType.AFFINE;
      default -> throw new IllegalArgumentException("unknown transform \"" + name + "\"; expected rigid or affine");
    };
  }

  private <T> T parse(java.util.function.Supplier<T> parser, String option) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
