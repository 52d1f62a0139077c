package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.cli.report.CaseReport;
import io.github.bratsensemble.cli.report.HtmlCaseReport;
import io.github.bratsensemble.fusionator.evaluation.RegionMetrics;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Writes the case's self-contained HTML report, {@code <case>/report/index.html}. */
final class ReportStep {
  private ReportStep() {}

  static void run(CaseRun run, CaseInputs inputs, Map<String, LabelVolume> segmentations, CaseFusion.Outputs fusion,
      Map<String, Map<Region, RegionMetrics>> truthMetrics) {
    run.progress.stepStarted(run.caseId, "report");
    long start = System.nanoTime();
    try {
      CaseReport report = CaseReportAssembler.assemble(run.caseId, inputs, segmentations, fusion, truthMetrics,
          run.timings, run.options.toolVersion(), run.options.command(), Instant.now());
      HtmlCaseReport.write(run.layout.report(), report);
      run.record("report", "", new StepRecord(StepRecord.OK, CaseRun.seconds(start), "cpu", ""));
    } catch (IOException | RuntimeException e) {
      run.fail("report", "", start, e);
    }
  }
}
