package io.github.bratsensemble.cli.demo;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.BuiltinAlgorithms;
import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.algorithms.phantom.PhantomWriter;
import io.github.bratsensemble.fusionator.Fusion;
import io.github.bratsensemble.fusionator.FusionInput;
import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.FusionOptions;
import io.github.bratsensemble.fusionator.FusionResult;
import io.github.bratsensemble.fusionator.agreement.AgreementAnalysis;
import io.github.bratsensemble.fusionator.evaluation.BratsEvaluator;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.report.ReportWriter;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.registration.Registration;
import io.github.bratsensemble.preprocessor.registration.RegistrationOptions;
import io.github.bratsensemble.preprocessor.registration.RegistrationResult;
import io.github.bratsensemble.preprocessor.registration.TransformDistance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded demonstration of the main job, on a synthetic case whose truth is known:
 *
 * <ol>
 *   <li>generate a phantom with each sequence rigidly misaligned, and write it;
 *   <li>co-register T1c, T2 and FLAIR rigidly to T1 (Mattes mutual information, brain mask as
 *       fixed mask) and resample them onto the T1 grid with cubic B-splines;
 *   <li>run every built-in algorithm on the aligned, skull-stripped case, concurrently;
 *   <li>fuse their outputs with majority vote, SIMPLE and STAPLE, and write each consensus and
 *       the SIMPLE agreement report (label maps in the BraTS 2023 labels 1 NCR, 2 ED, 3 ET, as
 *       the truth file);
 *   <li>score every algorithm and every fusion against the truth (Dice per BraTS region).
 * </ol>
 *
 * <p>Skull stripping uses the phantom's own brain mask, which is exact by construction; real cases
 * go through the preprocessor instead.
 */
public final class DemoRun {
  /** Fusion methods the demo runs, in the order the table lists them. */
  public static final List<FusionMethod> FUSIONS = List.of(FusionMethod.MAJORITY, FusionMethod.SIMPLE,
      FusionMethod.STAPLE);

  private static final String CASE_ID = "phantom";

  private DemoRun() {}

  /** One row of the result table: Dice per region against the truth. */
  public record Score(String name, String kind, Map<Region, Double> dice) {}

  /** Mean and maximum registration error of one sequence over the brain, in mm. */
  public record Alignment(String sequence, double initialMeanMm, double meanMm, double maxMm) {}

  /** Everything the demo measured. */
  public record Result(Path outputDir, List<Alignment> alignments, List<Score> scores) {}

  /** Receives one line per finished step. */
  @FunctionalInterface
  public interface Progress {
    void step(String message);
  }

  public static Result run(Path outputDir, long seed, int threads, Progress progress)
      throws IOException, InterruptedException {
    Files.createDirectories(outputDir);
    Phantom phantom = PhantomGenerator.generate(new PhantomOptions(seed, false, true, false));
    PhantomWriter.write(phantom, outputDir.resolve("input"), CASE_ID);
    progress.step("phantom (seed " + seed + ") written to " + outputDir.resolve("input"));

    List<Alignment> alignments = new ArrayList<>();
    FloatVolume t1c = align("t1c", phantom.t1c(), phantom, threads, alignments);
    FloatVolume t2 = align("t2w", phantom.t2(), phantom, threads, alignments);
    FloatVolume flair = align("t2f", phantom.flair(), phantom, threads, alignments);
    for (Alignment a : alignments) {
      progress.step(String.format(java.util.Locale.ROOT,
          "co-registered %s to t1n: mean error %.2f mm (was %.2f mm), max %.2f mm",
          a.sequence(), a.meanMm(), a.initialMeanMm(), a.maxMm()));
    }
    BratsCase aligned = new BratsCase(phantom.t1(), t1c, t2, flair, phantom.brainMask());

    Path segmentations = Files.createDirectories(outputDir.resolve("segmentations"));
    // Everything from here on is in the BraTS 2023 labels of the truth file and the other commands.
    Map<String, LabelVolume> outputs = new LinkedHashMap<>();
    segment(aligned, threads, progress).forEach((name, labels) -> outputs.put(name, toBrats2023(labels)));
    for (Map.Entry<String, LabelVolume> e : outputs.entrySet()) {
      Nifti.writeLabels(segmentations.resolve(e.getKey() + ".nii.gz"), e.getValue());
    }

    LabelVolume truth = toBrats2023(phantom.truthBrats2021());
    BratsEvaluator evaluator = new BratsEvaluator(LabelConvention.BRATS2023);
    List<Score> scores = new ArrayList<>();
    for (Map.Entry<String, LabelVolume> e : outputs.entrySet()) {
      scores.add(new Score(e.getKey(), "algorithm", dice(evaluator.evaluate(truth, e.getValue()))));
    }

    Path fusionDir = Files.createDirectories(outputDir.resolve("fusion"));
    List<FusionInput> inputs = new ArrayList<>();
    outputs.forEach((name, labels) -> inputs.add(new FusionInput(name, labels, LabelConvention.BRATS2023)));
    for (FusionMethod method : FUSIONS) {
      FusionResult fused = Fusion.fuse(inputs,
          FusionOptions.defaults(method).withConvention(LabelConvention.BRATS2023));
      Nifti.writeLabels(fusionDir.resolve(method.cliName() + ".nii.gz"), fused.fused());
      if (method == FusionMethod.SIMPLE) {
        Path report = fusionDir.resolve("agreement.json");
        var agreement = AgreementAnalysis.analyse(fused);
        ReportWriter.writeJson(report, agreement);
        ReportWriter.writeCsv(ReportWriter.csvPathFor(report), agreement);
      }
      scores.add(new Score(method.cliName(), "fusion", dice(evaluator.evaluate(truth, fused.fused()))));
    }
    progress.step("fused with majority, simple and staple; agreement report of simple in " + fusionDir);
    return new Result(outputDir, alignments, scores);
  }

  /** Registers one sequence to T1, resamples it onto the T1 grid and records the error. */
  private static FloatVolume align(String name, FloatVolume moving, Phantom phantom, int threads,
      List<Alignment> alignments) {
    RegistrationOptions options = RegistrationOptions.defaults()
        .withFixedMask(phantom.brainMask())
        .withThreads(threads);
    RegistrationResult result = Registration.register(phantom.t1(), moving, options);

    // The phantom's motion maps the sequence's world points to T1 space, so the exact
    // registration transform (fixed T1 -> moving sequence) is its inverse.
    AffineTransform exact = phantom.motions().get(name).inverse();
    TransformDistance error = TransformDistance.overMask(result.transform(), exact, phantom.brainMask());
    TransformDistance initial = TransformDistance.overMask(AffineTransform.identity(), exact, phantom.brainMask());
    alignments.add(new Alignment(name, initial.meanMm(), error.meanMm(), error.maxMm()));
    return Resampler.resample(moving, phantom.t1().grid(), result.transform(), Interpolation.BSPLINE, 0f, threads);
  }

  private static Map<String, LabelVolume> segment(BratsCase input, int threads, Progress progress)
      throws InterruptedException, IOException {
    List<BuiltinAlgorithm> algorithms = BuiltinAlgorithms.all();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, algorithms.size())));
    try {
      List<Future<LabelVolume>> futures = new ArrayList<>();
      for (BuiltinAlgorithm algorithm : algorithms) {
        futures.add(pool.submit(() -> {
          long start = System.nanoTime();
          LabelVolume labels = algorithm.segment(input);
          progress.step(String.format(java.util.Locale.ROOT, "segmented with %s in %.1f s", algorithm.id(),
              (System.nanoTime() - start) / 1e9));
          return labels;
        }));
      }
      Map<String, LabelVolume> outputs = new LinkedHashMap<>();
      for (int i = 0; i < algorithms.size(); i++) {
        try {
          outputs.put(algorithms.get(i).id(), futures.get(i).get());
        } catch (ExecutionException e) {
          throw new IOException("built-in algorithm " + algorithms.get(i).id() + " failed: "
              + e.getCause().getMessage(), e.getCause());
        }
      }
      return outputs;
    } finally {
      pool.shutdownNow();
    }
  }

  private static LabelVolume toBrats2023(LabelVolume brats2021) {
    return LabelVolume.wrap(brats2021.grid(), BratsLabels.toBrats2023(brats2021.labelArray()));
  }

  private static Map<Region, Double> dice(Map<Region, RegionMetrics> metrics) {
    Map<Region, Double> dice = new EnumMap<>(Region.class);
    metrics.forEach((region, m) -> dice.put(region, m.dice()));
    return dice;
  }
}
