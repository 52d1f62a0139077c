package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.fusionator.agreement.AgreementAnalysis;
import io.github.bratsensemble.fusionator.agreement.AgreementMaps;
import io.github.bratsensemble.fusionator.agreement.AgreementReport;
import io.github.bratsensemble.fusionator.agreement.ConnectedComponents;
import io.github.bratsensemble.fusionator.agreement.FleissKappa;
import io.github.bratsensemble.fusionator.report.ReportWriter;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementAnalysisTest {

  private static AgreementReport.StructureStatistics find(List<AgreementReport.StructureStatistics> rows, String name) {
    return rows.stream().filter(r -> r.structure().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void diceJaccardAndVolumes() {
    // Consensus (majority of 3): {2, 2, 0, 0}. Input 3 marks voxels 1 and 2.
    FusionResult result = Fusion.fuse(rows(new int[] {2, 2, 0, 0}, new int[] {2, 2, 0, 0}, new int[] {0, 2, 2, 0}),
        FusionOptions.defaults(FusionMethod.MAJORITY));
    AgreementReport report = AgreementAnalysis.analyse(result);
    AgreementReport.StructureStatistics wt = find(report.inputs().get(2).structures(), "WT");
    assertEquals(0.5, wt.dice(), 1e-15);
    assertEquals(1.0 / 3, wt.jaccard(), 1e-15);
    assertEquals(2, wt.voxels());
    assertEquals(0.002, wt.volumeMl(), 1e-15);
    assertEquals(1, wt.lesions());
    AgreementReport.StructureStatistics et = find(report.inputs().get(2).structures(), "ET");
    assertEquals(1.0, et.dice());
    assertTrue(et.bothEmpty());
    assertEquals(List.of("label 1", "label 4", "TC", "ET"), report.inputs().get(2).emptyStructures());
    assertEquals(2, find(report.consensus(), "label 2").voxels());
    assertNull(find(report.consensus(), "label 2").dice());
  }

  @Test
  void volumesRoundedToMicrolitres() {
    // 2635 voxels of 1 mm³ summed in floating point give 2.6350000000000002 mL.
    AgreementReport.StructureStatistics row =
        new AgreementReport.StructureStatistics("WT", "region", 2635, 2.6350000000000002, 1, 1.0, 1.0, false);
    assertEquals(2.635, row.volumeMl());
    assertEquals(0.000001, new AgreementReport.StructureStatistics("ET", "region", 1, 0.0000014, 1, 1.0, 1.0, false)
        .volumeMl());
  }

  @Test
  void pairwiseCountsBothEmpty() {
    FusionResult result = Fusion.fuse(rows(new int[] {2, 0}, new int[] {0, 0}, new int[] {0, 0}),
        FusionOptions.defaults(FusionMethod.MAJORITY));
    AgreementReport report = AgreementAnalysis.analyse(result);
    AgreementReport.PairwiseDice wt = report.pairwiseDice().get(0);
    assertEquals("WT", wt.structure());
    assertArrayEquals(new double[] {1, 0, 0}, wt.dice()[0]);
    assertArrayEquals(new double[] {0, 1, 1}, wt.dice()[1]);
    assertEquals(1, wt.bothEmptyPairs());
    assertEquals(3, report.pairwiseDice().get(2).bothEmptyPairs());
    assertTrue(report.inputs().get(1).allBackground());
    assertFalse(report.inputs().get(0).allBackground());
  }

  @Test
  void lesionsUse26Connectivity() {
    Dimensions dims = new Dimensions(4, 4, 4);
    // (0,0,0) and (1,1,1) touch at a corner: one lesion. (3,3,3) is separate.
    int[] voxels = {dims.index(0, 0, 0), dims.index(1, 1, 1), dims.index(3, 3, 3)};
    assertEquals(2, ConnectedComponents.count(voxels, dims));
    // (0,0,0) and (2,0,0) are two voxels apart: two lesions.
    assertEquals(2, ConnectedComponents.count(new int[] {dims.index(0, 0, 0), dims.index(2, 0, 0)}, dims));
    // A U shape joins late in raster order: one lesion.
    int[] u = {dims.index(0, 0, 0), dims.index(2, 0, 0), dims.index(0, 1, 0), dims.index(2, 1, 0),
        dims.index(0, 2, 0), dims.index(1, 2, 0), dims.index(2, 2, 0)};
    assertEquals(1, ConnectedComponents.count(u, dims));
    assertEquals(0, ConnectedComponents.count(new int[0], dims));
  }

  @Test
  void fleissKappaTextbookValue() {
    // 2 raters, 4 subjects, 2 categories: ratings (0,0), (1,1), (0,1), (1,1).
    byte[][] ratings = {{0, 1, 0, 1}, {0, 1, 1, 1}};
    // P_i = 1, 1, 0, 1 -> P̄ = 0.75; p = (3/8, 5/8) -> P_e = 34/64; kappa = (0.75 - 0.53125) / 0.46875.
    assertEquals((0.75 - 34.0 / 64) / (1 - 34.0 / 64), FleissKappa.compute(ratings, 2), 1e-15);
    assertTrue(Double.isNaN(FleissKappa.compute(new byte[][] {{0, 0}, {0, 0}}, 2)));
  }

  @Test
  void mapsReportAgreementAndEntropy() {
    FusionResult result = Fusion.fuse(rows(new int[] {2, 1, 0}, new int[] {2, 2, 0}, new int[] {2, 4, 0},
        new int[] {0, 0, 0}), FusionOptions.defaults(FusionMethod.MAJORITY));
    // Voxel 1 is a four-way tie -> background; one of four inputs agrees.
    assertArrayEquals(new float[] {0.75f, 0.25f, 1f}, AgreementMaps.agreement(result).voxelArray());
    float[] entropy = AgreementMaps.entropy(result).voxelArray();
    double p = 0.75;
    assertEquals((float) (-(p * Math.log(p) + 0.25 * Math.log(0.25)) / Math.log(4)), entropy[0]);
    assertEquals(1.0f, entropy[1], 1e-7f);
    assertEquals(0.0f, entropy[2]);
  }

  @Test
  void csvListsConsensusThenInputs() throws IOException {
    FusionResult result = Fusion.fuse(rows(new int[] {2, 2}, new int[] {2, 0}), FusionOptions.defaults(FusionMethod.BTK_MAV));
    String csv = ReportWriter.toCsv(AgreementAnalysis.analyse(result));
    List<String> lines = csv.lines().toList();
    assertEquals(ReportWriter.CSV_HEADER, lines.get(0));
    assertEquals("consensus,label 2,label,2,0.002000,1,,,false", lines.get(2));
    assertEquals("in2,WT,region,1,0.001000,1,0.666667,0.500000,false", lines.get(1 + 6 + 6 + 3));
    assertEquals(1 + 6 * 3, lines.size());
    String json = ReportWriter.toJson(AgreementAnalysis.analyse(result));
    assertTrue(json.contains("\"scope\" : \"voxels where any input is non-background\""), json);
  }

  @Test
  void jsonCarriesStapleParameters() throws IOException {
    // No input has ET, so ET's sensitivity is undefined and written as the string "NaN".
    FusionResult result = Fusion.fuse(rows(new int[] {2, 1, 0}, new int[] {2, 1, 0}, new int[] {2, 0, 0}),
        FusionOptions.defaults(FusionMethod.STAPLE));
    String json = ReportWriter.toJson(AgreementAnalysis.analyse(result));
    assertTrue(json.contains("\"sensitivity\" : [ \"NaN\", \"NaN\", \"NaN\" ]"), json);
    assertTrue(json.contains("\"structure\" : \"TC\""), json);
    assertTrue(json.contains("\"specificity\""), json);
  }
}
