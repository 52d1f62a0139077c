package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.preprocessor.pipeline.CaseResult;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Brings a case into BraTS space in {@code <case>/preprocessed/}, or takes its images as they are
 * with {@code --preprocessed}, and returns the segmentation inputs.
 */
final class PreprocessStep {
  private final Supplier<Preprocessor> preprocessor;

  PreprocessStep(Supplier<Preprocessor> preprocessor) {
    this.preprocessor = preprocessor;
  }

  /** Returns the inputs, or {@code null} when preprocessing failed (recorded in {@code run}). */
  CaseInputs run(CaseRun run) throws IOException {
    if (run.options.preprocessed()) {
      CaseInputs inputs = withCaseId(run, CaseDiscovery.discover(run.caseFolder));
      Path mask = BrainMasks.find(run.caseFolder);
      if (mask == null) {
        BrainMasks.requireSkullStripped(inputs.t1());
      } else {
        run.progress.line(run.caseId, "brain mask " + mask.getFileName());
        inputs = BrainMasks.maskedCopies(inputs, mask, run.layout.preprocessed());
      }
      run.record("preprocess", "", new StepRecord(StepRecord.SKIPPED, 0, "", "inputs are in BraTS space (--preprocessed)"));
      return inputs;
    }
    Path folder = run.layout.preprocessed();
    if (run.manifest.completed("preprocess", run.preprocessDigest) && Files.exists(folder.resolve("manifest.json"))) {
      run.reuse("preprocess", "");
      return withCaseId(run, CaseDiscovery.discover(folder));
    }
    run.upstreamChanged = true;
    run.progress.stepStarted(run.caseId, "preprocess");
    long start = System.nanoTime();
    try {
      var discovered = io.github.bratsensemble.preprocessor.discovery.CaseDiscovery.discover(run.caseFolder, run.caseId, Map.of());
      CaseResult result = preprocessor.get().process(discovered, run.layout.preprocessingStage());
      replaceFolder(result.folder(), folder);
      run.record("preprocess", "", new StepRecord(StepRecord.OK, CaseRun.seconds(start), "cpu", ""));
      run.manifest.record("preprocess", run.manifest.step("preprocess"), run.preprocessDigest);
      return withCaseId(run, CaseDiscovery.discover(folder));
    } catch (IOException | RuntimeException e) {
      run.fail("preprocess", "", start, e);
      return null;
    } finally {
      // Also on failure and cancellation: a staging folder is never a result.
      deleteQuietly(run.layout.preprocessingStage());
    }
  }

  private static CaseInputs withCaseId(CaseRun run, CaseInputs found) {
    return new CaseInputs(run.caseId, found.t1(), found.t1c(), found.t2(), found.flair(), found.grid());
  }

  /** Replaces {@code target} by {@code source}: the old folder is moved aside first, then deleted. */
  private static void replaceFolder(Path source, Path target) throws IOException {
    Path old = target.resolveSibling("." + target.getFileName() + ".old");
    deleteQuietly(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    deleteQuietly(old);
  }

  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover staging folder is harmless: it is replaced by the next run.
    }
  }
}
