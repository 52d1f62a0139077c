package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.EvaluationRows;
import io.github.bratsensemble.fusionator.evaluation.BratsEvaluator;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelConversion;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.nativespace.NativeSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores every segmentation and consensus against the case's ground truth, when its folder
 * contains one, into {@code <case>/report/evaluation.csv} and {@code .json}.
 */
final class EvaluateStep {
  private EvaluateStep() {}

  /** Returns the metrics by segmentation id ({@code consensus:<method>} for consensuses); empty without truth. */
  static Map<String, Map<Region, RegionMetrics>> run(CaseRun run, Grid grid, Map<String, LabelVolume> segmentations,
      CaseFusion.Outputs fusion) {
    Path truthFile = findTruth(run.caseFolder);
    if (truthFile == null) {
      return Map.of();
    }
    run.progress.stepStarted(run.caseId, "evaluate");
    long start = System.nanoTime();
    try {
      LabelVolume truth = Nifti.readLabels(truthFile);
      truth = LabelVolume.wrap(truth.grid(),
          LabelConversion.convert(truth.labelArray(), run.options.truthConvention(), LabelConvention.BRATS2023));
      // A preprocessed case's BraTS space is the atlas space: a truth on the native grid needs mapping
      // even when that grid has the BraTS dimensions and spacing.
      if (!run.options.preprocessed()) {
        truth = toBrats(run, truthFile, truth, fusion);
      } else if (!truth.grid().matches(grid, Grid.DEFAULT_TOLERANCE_MM)) {
        throw new IOException("ground truth " + truthFile + " is not on the grid of the case's images: "
            + truth.grid().describeDifference(grid, Grid.DEFAULT_TOLERANCE_MM));
      }
      BratsEvaluator evaluator = new BratsEvaluator(LabelConvention.BRATS2023);
      Map<String, Map<Region, RegionMetrics>> metrics = new LinkedHashMap<>();
      List<EvaluationRows> rows = new ArrayList<>();
      Map<String, LabelVolume> evaluated = new LinkedHashMap<>(segmentations);
      if (fusion != null) {
        fusion.consensusByMethod().forEach((method, labels) -> evaluated.put("consensus:" + method.cliName(), labels));
      }
      for (Map.Entry<String, LabelVolume> entry : evaluated.entrySet()) {
        Map<Region, RegionMetrics> m = evaluator.evaluate(truth, entry.getValue());
        metrics.put(entry.getKey(), m);
        rows.add(new EvaluationRows(run.caseId, truthFile.toString(), entry.getKey(), m));
      }
      writeEvaluation(run.layout, rows);
      run.record("evaluate", "", new StepRecord(StepRecord.OK, CaseRun.seconds(start), "cpu", ""));
      return metrics;
    } catch (IOException | RuntimeException e) {
      run.fail("evaluate", "", start, e);
      return Map.of();
    }
  }

  /**
   * Maps the native-space truth into BraTS space through the transform of the input sequence it
   * was drawn on. The candidates are the sequences whose native grid the truth lies on, in world
   * coordinates. Sequences of one session often share a grid while showing the head in different
   * positions. When several qualify, each mapping is tried and the one whose whole tumour overlaps
   * the consensus best is kept, because the consensus is in the co-registered space of all inputs.
   *
   * @throws IOException when the truth lies on no input sequence's grid
   */
  private static LabelVolume toBrats(CaseRun run, Path truthFile, LabelVolume truth, CaseFusion.Outputs fusion)
      throws IOException {
    Path preprocessed = run.layout.preprocessed();
    List<Sequence> candidates = matchingSequences(preprocessed, truthFile, truth.grid());
    LabelVolume best = null;
    Sequence bestSequence = null;
    double bestDice = -1;
    for (Sequence sequence : candidates) {
      LabelVolume mapped = NativeSpace.toBrats(preprocessed, truth, sequence, run.options.threads());
      if (candidates.size() == 1 || fusion == null) {
        best = mapped;
        bestSequence = sequence;
        break;
      }
      double dice = fusion.diceVsConsensus(mapped).get(Region.WT);
      if (dice > bestDice) {
        bestDice = dice;
        best = mapped;
        bestSequence = sequence;
      }
    }
    run.progress.line(run.caseId, "ground truth " + truthFile.getFileName() + " mapped into BraTS space through the "
        + bestSequence.suffix() + " transform");
    return best;
  }

  /**
   * Returns the input sequences whose native grid {@code truthGrid} matches in world coordinates,
   * T1c first.
   *
   * @throws IOException when there is none
   */
  static List<Sequence> matchingSequences(Path preprocessed, Path truthFile, Grid truthGrid) throws IOException {
    List<Sequence> order = List.of(Sequence.T1C, Sequence.T1N, Sequence.T2W, Sequence.T2F);
    List<Sequence> matching = new ArrayList<>();
    List<String> grids = new ArrayList<>();
    for (Sequence sequence : order) {
      Grid nativeGrid = NativeSpace.read(preprocessed, sequence).nativeGrid();
      if (truthGrid.matches(nativeGrid, Grid.DEFAULT_TOLERANCE_MM)) {
        matching.add(sequence);
      }
      grids.add(sequence.suffix() + " " + nativeGrid.dimensions());
    }
    if (matching.isEmpty()) {
      throw new IOException("ground truth " + truthFile + " (grid " + truthGrid.dimensions() + ") lies on the grid"
          + " of no input sequence (" + String.join(", ", grids) + ") nor on the BraTS grid, so it cannot be mapped"
          + " into BraTS space");
    }
    return matching;
  }

  private static void writeEvaluation(CaseLayout layout, List<EvaluationRows> rows) throws IOException {
    Files.createDirectories(layout.report());
    StringBuilder csv = new StringBuilder(EvaluationRows.CSV_HEADER).append('\n');
    List<Object> json = new ArrayList<>();
    for (EvaluationRows row : rows) {
      row.csvLines().forEach(line -> csv.append(line).append('\n'));
      json.add(row.toJson());
    }
    AtomicFiles.writeString(layout.report().resolve("evaluation.csv"), csv.toString());
    AtomicFiles.writeString(layout.report().resolve("evaluation.json"), SummaryFiles.JSON.writeValueAsString(json) + "\n");
  }

  /** Returns the ground-truth file of a case folder (a name ending in -seg or _seg), or null. */
  static Path findTruth(Path caseFolder) {
    try (Stream<Path> entries = Files.list(caseFolder)) {
      return entries.filter(Files::isRegularFile).filter(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("-seg.nii.gz") || name.endsWith("_seg.nii.gz") || name.endsWith("-seg.nii")
            || name.endsWith("_seg.nii");
      }).sorted().findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
