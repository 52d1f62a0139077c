package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.report.CaseReport;
import io.github.bratsensemble.cli.report.CaseReport.AlgorithmRow;
import io.github.bratsensemble.cli.report.CaseReport.NamedImage;
import io.github.bratsensemble.cli.report.CaseReport.NamedSegmentation;
import io.github.bratsensemble.cli.report.CaseReport.PairwiseDice;
import io.github.bratsensemble.cli.report.CaseReport.Timing;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what one case produced into the plain records of a {@link CaseReport}. */
final class CaseReportAssembler {
  private CaseReportAssembler() {}

  static CaseReport assemble(String caseId, CaseInputs inputs, Map<String, LabelVolume> segmentations,
      CaseFusion.Outputs fusion, Map<String, Map<Region, RegionMetrics>> truthMetrics, List<Timing> timings,
      String toolVersion, String command, Instant created) throws IOException {
    List<NamedImage> sequences = List.of(
        new NamedImage("t1n", Nifti.readFloat(inputs.t1())),
        new NamedImage("t1c", Nifti.readFloat(inputs.t1c())),
        new NamedImage("t2w", Nifti.readFloat(inputs.t2())),
        new NamedImage("t2f", Nifti.readFloat(inputs.flair())));
    List<NamedSegmentation> named = new ArrayList<>();
    segmentations.forEach((name, labels) -> named.add(new NamedSegmentation(name, labels)));

    List<PairwiseDice> pairwise = new ArrayList<>();
    List<AlgorithmRow> rows = new ArrayList<>();
    if (fusion != null) {
      for (AgreementReport.PairwiseDice p : fusion.agreement().pairwiseDice()) {
        Region region = region(p.structure());
        if (region != null) {
          pairwise.add(new PairwiseDice(region, p.inputs(), p.dice()));
        }
      }
      for (Map.Entry<String, LabelVolume> entry : segmentations.entrySet()) {
        String name = entry.getKey();
        rows.add(new AlgorithmRow(name, fusion.diceVsConsensus(entry.getValue()),
            CaseFusion.volumesMl(entry.getValue()), fusion.stapleSensitivity().getOrDefault(name, Map.of()),
            fusion.stapleSpecificity().getOrDefault(name, Map.of())));
      }
    } else {
      for (Map.Entry<String, LabelVolume> entry : segmentations.entrySet()) {
        rows.add(new AlgorithmRow(entry.getKey(), Map.of(), CaseFusion.volumesMl(entry.getValue()), Map.of(), Map.of()));
      }
    }

    return new CaseReport(caseId, CaseFusion.CONVENTION, sequences, named,
        fusion == null ? null : fusion.consensus(), fusion == null ? "" : fusion.method().cliName(),
        fusion == null ? null : fusion.entropy(), pairwise, rows,
        fusion == null ? Map.of() : CaseFusion.volumesMl(fusion.consensus()), truthMetrics, timings, toolVersion,
        command, created);
  }

  private static Region region(String structure) {
    for (Region region : Region.values()) {
      if (region.name().equals(structure)) {
        return region;
      }
    }
    return null;
  }
}
