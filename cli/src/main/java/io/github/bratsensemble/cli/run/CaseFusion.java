package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.Fusion;
import io.github.bratsensemble.fusionator.FusionInput;
import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.FusionOptions;
import io.github.bratsensemble.fusionator.FusionResult;
import io.github.bratsensemble.fusionator.agreement.AgreementAnalysis;
import io.github.bratsensemble.fusionator.agreement.AgreementMaps;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.fusionator.report.ReportWriter;
import io.github.bratsensemble.fusionator.staple.BinaryStapleDiagnostics;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The fusion step of one case: every requested method over the algorithms' segmentations (all in
 * BraTS 2023 labels, the segmentor's output convention), with the consensus, agreement report and
 * vote-entropy map of each written to the case's {@code fusion} folder.
 */
final class CaseFusion {
  /** Every segmentation reaching fusion is in the segmentor's canonical convention. */
  static final LabelConvention CONVENTION = LabelConvention.BRATS2023;

  private CaseFusion() {}

  /**
   * What fusion produced.
   *
   * @param method the first method that succeeded, whose consensus is the case's consensus
   * @param consensusByMethod the consensus of every method that succeeded, in request order
   * @param agreement the agreement report of {@code method}
   * @param entropy the vote-entropy map of {@code method}
   * @param stapleSensitivity per algorithm, binary STAPLE's sensitivity per region; empty when
   *     STAPLE could not run
   * @param stapleSpecificity the same for specificity
   */
  record Outputs(
      FusionMethod method,
      Map<FusionMethod, LabelVolume> consensusByMethod,
      AgreementReport agreement,
      FloatVolume entropy,
      Map<String, Map<Region, Double>> stapleSensitivity,
      Map<String, Map<Region, Double>> stapleSpecificity) {

    LabelVolume consensus() {
      return method == null ? null : consensusByMethod.get(method);
    }

    /** Returns the Dice of {@code labels} against the consensus per region; 1 when both are empty. */
    Map<Region, Double> diceVsConsensus(LabelVolume labels) {
      Map<Region, Double> dice = new EnumMap<>(Region.class);
      byte[] a = labels.labelArray();
      byte[] b = consensus().labelArray();
      for (Region region : Region.values()) {
        boolean[] members = region.members(CONVENTION);
        long inA = 0;
        long inB = 0;
        long both = 0;
        for (int i = 0; i < a.length; i++) {
          boolean x = members[a[i] & 0xFF];
          boolean y = members[b[i] & 0xFF];
          inA += x ? 1 : 0;
          inB += y ? 1 : 0;
          both += x && y ? 1 : 0;
        }
        dice.put(region, inA + inB == 0 ? 1.0 : 2.0 * both / (inA + inB));
      }
      return dice;
    }
  }

  /**
   * Runs every method; {@code listener} receives each method's step record (ok or failed). A failed
   * method does not stop the others.
   */
  static Outputs run(Map<String, LabelVolume> segmentations, List<FusionMethod> methods, CaseLayout layout,
      BiConsumer<FusionMethod, StepRecord> listener) {
    List<FusionInput> inputs = new ArrayList<>();
    segmentations.forEach((name, labels) -> inputs.add(new FusionInput(name, labels, CONVENTION)));

    FusionMethod first = null;
    Map<FusionMethod, LabelVolume> consensus = new LinkedHashMap<>();
    AgreementReport agreement = null;
    FloatVolume entropy = null;
    FusionResult staple = null;
    for (FusionMethod method : methods) {
      long start = System.nanoTime();
      try {
        FusionResult result = Fusion.fuse(inputs, FusionOptions.defaults(method).withConvention(CONVENTION));
        AgreementReport report = AgreementAnalysis.analyse(result);
        FloatVolume entropyMap = AgreementMaps.entropy(result);
        Files.createDirectories(layout.fusion());
        Nifti.writeLabels(layout.consensus(method), result.fused());
        ReportWriter.writeJson(layout.agreement(method), report);
        ReportWriter.writeCsv(ReportWriter.csvPathFor(layout.agreement(method)), report);
        Nifti.writeFloat32(layout.entropy(method), entropyMap);
        consensus.put(method, result.fused());
        if (first == null) {
          first = method;
          agreement = report;
          entropy = entropyMap;
        }
        if (method == FusionMethod.STAPLE) {
          staple = result;
        }
        listener.accept(method, new StepRecord(StepRecord.OK, (System.nanoTime() - start) / 1e9, "cpu", ""));
      } catch (IOException | RuntimeException e) {
        listener.accept(method, new StepRecord(StepRecord.FAILED, (System.nanoTime() - start) / 1e9, "",
            String.valueOf(e.getMessage())));
      }
    }

    // STAPLE's per-algorithm estimates belong in the report even when STAPLE is not a requested method.
    if (staple == null && inputs.size() > 1) {
      try {
        staple = Fusion.fuse(inputs, FusionOptions.defaults(FusionMethod.STAPLE).withConvention(CONVENTION));
      } catch (RuntimeException e) {
        staple = null;
      }
    }
    Map<String, Map<Region, Double>> sensitivity = new LinkedHashMap<>();
    Map<String, Map<Region, Double>> specificity = new LinkedHashMap<>();
    if (staple != null) {
      collectStaple(staple, sensitivity, specificity);
    }
    return new Outputs(first, consensus, agreement, entropy, sensitivity, specificity);
  }

  private static void collectStaple(FusionResult staple, Map<String, Map<Region, Double>> sensitivity,
      Map<String, Map<Region, Double>> specificity) {
    List<String> names = staple.inputNames();
    for (String name : names) {
      sensitivity.put(name, new EnumMap<>(Region.class));
      specificity.put(name, new EnumMap<>(Region.class));
    }
    for (StructureDiagnostics diagnostics : staple.diagnostics()) {
      if (!(diagnostics instanceof BinaryStapleDiagnostics binary)) {
        continue;
      }
      Region region;
      try {
        region = Region.valueOf(binary.structure());
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (int i = 0; i < names.size(); i++) {
        sensitivity.get(names.get(i)).put(region, binary.sensitivity()[i]);
        specificity.get(names.get(i)).put(region, binary.specificity()[i]);
      }
    }
  }

  /** Returns the volume of each region in mL. */
  static Map<Region, Double> volumesMl(LabelVolume labels) {
    long[] histogram = labels.histogram();
    double voxelMl = labels.grid().voxelVolumeMl();
    Map<Region, Double> volumes = new EnumMap<>(Region.class);
    for (Region region : Region.values()) {
      boolean[] members = region.members(CONVENTION);
      long count = 0;
      for (int label = 1; label < 256; label++) {
        if (members[label]) {
          count += histogram[label];
        }
      }
      volumes.put(region, count * voxelMl);
    }
    return volumes;
  }
}
