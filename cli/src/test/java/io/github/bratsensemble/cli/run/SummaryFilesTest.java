package io.github.bratsensemble.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.cli.run.CaseOutcome.AlgorithmOutcome;
import io.github.bratsensemble.fusionator.labels.Region;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFilesTest {
  private static final Map<Region, Double> VOLUMES = Map.of(Region.WT, 30.0, Region.TC, 12.5, Region.ET, 4.25);

  @Test
  void consensusRowShowsFusionStatus() {
    // The case failed because of one algorithm; the fusion of the others succeeded.
    CaseOutcome outcome = new CaseOutcome("c1", StepRecord.FAILED, "broken failed: exit code 1", "simple", false,
        List.of(new AlgorithmOutcome("good", "ok", 2.0, "cpu", "", VOLUMES, Map.of(), Map.of()),
            new AlgorithmOutcome("broken", "failed", 1.0, "cpu", "exit code 1", Map.of(), Map.of(), Map.of())),
        VOLUMES, Map.of());

    List<String> lines = SummaryFiles.csv(List.of(outcome)).lines().toList();

    assertEquals(4, lines.size());
    assertEquals("c1,broken,failed,1.0,cpu,exit code 1,,,,,,,,,", lines.get(2));
    assertEquals("c1,consensus:simple,ok,,,,30.000,12.500,4.250,,,,,,", lines.get(3));
  }
}
