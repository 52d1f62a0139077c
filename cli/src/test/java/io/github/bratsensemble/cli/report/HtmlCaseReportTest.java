package io.github.bratsensemble.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.cli.report.CaseReport.AlgorithmRow;
import io.github.bratsensemble.cli.report.CaseReport.NamedImage;
import io.github.bratsensemble.cli.report.CaseReport.NamedSegmentation;
import io.github.bratsensemble.cli.report.CaseReport.PairwiseDice;
import io.github.bratsensemble.cli.report.CaseReport.Timing;
import io.github.bratsensemble.fusionator.evaluation.BratsEvaluator;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlCaseReportTest {
  /** A small grid stored like BraTS data: LPS, 1 mm. */
  private static final Grid GRID = new Grid(new Dimensions(64, 64, 40),
      Affine.ofRows(-1, 0, 0, 63, 0, -1, 0, 63, 0, 0, 1, 0));

  @TempDir
  Path work;

  private static FloatVolume brain(long seed, float contrast) {
    Random random = new Random(seed);
    float[] voxels = new float[GRID.voxelCount()];
    Dimensions d = GRID.dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          double r = Math.sqrt(Math.pow((x - 32) / 28.0, 2) + Math.pow((y - 32) / 30.0, 2) + Math.pow((z - 20) / 18.0, 2));
          if (r < 1) {
            double tumour = Math.exp(-(Math.pow(x - 40, 2) + Math.pow(y - 28, 2) + Math.pow(z - 22, 2)) / 40.0);
            voxels[d.index(x, y, z)] = (float) (400 + 300 * (1 - r) + contrast * tumour + 20 * random.nextGaussian());
          }
        }
      }
    }
    return FloatVolume.wrap(GRID, voxels);
  }

  /** A tumour of nested spheres around (cx, 28, 22): ET radius 2.5, NCR 4, ED {@code edema}, labels 4, 1, 2. */
  private static LabelVolume tumour(int cx, double edema) {
    byte[] labels = new byte[GRID.voxelCount()];
    Dimensions d = GRID.dimensions();
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          double r = Math.sqrt(Math.pow(x - cx, 2) + Math.pow(y - 28, 2) + Math.pow(z - 22, 2));
          labels[d.index(x, y, z)] = (byte) (r <= 2.5 ? 4 : r <= 4 ? 1 : r <= edema ? 2 : 0);
        }
      }
    }
    return LabelVolume.wrap(GRID, labels);
  }

  private static Map<Region, Double> regions(double wt, double tc, double et) {
    return Map.of(Region.WT, wt, Region.TC, tc, Region.ET, et);
  }

  private CaseReport report() {
    LabelVolume consensus = tumour(40, 8);
    float[] entropy = new float[GRID.voxelCount()];
    byte[] a = tumour(39, 7).labelArray();
    byte[] b = tumour(41, 9).labelArray();
    for (int i = 0; i < entropy.length; i++) {
      entropy[i] = a[i] != b[i] ? 1f : 0f;
    }
    BratsEvaluator evaluator = new BratsEvaluator(LabelConvention.BRATS2021);
    return new CaseReport(
        "BraTS-GLI-00001-000",
        LabelConvention.BRATS2021,
        List.of(new NamedImage("t1c", brain(1, 500)), new NamedImage("flair", brain(2, 300))),
        List.of(new NamedSegmentation("alpha", tumour(39, 7)), new NamedSegmentation("<beta & co>", tumour(41, 9))),
        consensus,
        "simple",
        FloatVolume.wrap(GRID, entropy),
        List.of(new PairwiseDice(Region.WT, List.of("alpha", "<beta & co>"), new double[][] {{1, 0.8123}, {0.8123, 1}})),
        List.of(
            new AlgorithmRow("alpha", regions(0.9123, 0.8765, 0.8001), regions(1.44, 0.27, 0.07),
                regions(0.95, 0.9, 0.85), regions(0.999912, 0.99995, 0.99999)),
            new AlgorithmRow("<beta & co>", regions(0.8642, 0.8111, 0.7555), regions(3.05, 0.27, 0.07),
                regions(0.91, 0.88, 0.8), regions(0.999, 0.9999, 0.99999))),
        regions(2.14, 0.27, 0.07),
        Map.of("alpha", evaluator.evaluate(consensus, tumour(39, 7))),
        List.of(new Timing("segment", "alpha", "cpu", "ok", Duration.ofMillis(12_340), ""),
            new Timing("segment", "docker-ref", "", "skipped", Duration.ZERO, "no container engine found")),
        "0.1.0-test",
        "brats-ensemble run /data/case -o /out --fusion simple",
        Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void htmlEmbedsImagesAndTables() throws IOException {
    Path file = HtmlCaseReport.write(work.resolve("report"), report());

    String html = Files.readString(file);
    assertEquals(work.resolve("report/index.html"), file);
    // 2 sequences and 3 segmentations (2 algorithms + consensus) in 3 planes, plus the entropy slice.
    assertEquals(16, count(html, "src=\"data:image/png;base64,"));
    assertFalse(html.contains("http://") || html.contains("https://"), "the report must load nothing");
    assertTrue(html.contains("<tr><th>alpha</th><td>0.9123</td><td>0.8765</td><td>0.8001</td></tr>"));
    assertTrue(html.contains("<tr><th>&lt;beta &amp; co&gt;</th><td>0.8642</td>"));
    assertTrue(html.contains("<tr><th>consensus</th><td>2.14</td><td>0.27</td><td>0.07</td></tr>"));
    assertTrue(html.contains("<td class=\"status-skipped\">skipped</td>"));
    assertTrue(html.contains("<td>no container engine found</td>"));
    assertTrue(html.contains("<pre id=\"command\">brats-ensemble run /data/case -o /out --fusion simple</pre>"));
    assertTrue(html.contains("brats-ensemble 0.1.0-test, written 2026-01-02T03:04:05 UTC."));
    for (String id : List.of("sequences", "segmentations", "entropy", "dice-vs-consensus", "volumes", "pairwise-WT",
        "staple", "truth", "timings")) {
      assertTrue(html.contains("id=\"" + id + "\""), "missing element " + id);
    }
  }

  @Test
  void slicesPassThroughTumourCentre() {
    String html = HtmlCaseReport.render(report());

    // The consensus is centred on LPS voxel (40, 28, 22): LAS keeps x = 40 and flips y to 63 - 28.
    assertTrue(html.contains("Slices through voxel (40, 35, 22) of the LAS-reoriented grid"), html.substring(0, 2000));
  }

  @Test
  void differentGridsRejected() {
    CaseReport base = report();
    LabelVolume shifted = LabelVolume.zeros(new Grid(GRID.dimensions(), Affine.ofRows(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0)));
    CaseReport mixed = new CaseReport(base.caseId(), base.convention(), base.sequences(),
        List.of(new NamedSegmentation("gamma", shifted)), base.consensus(), base.consensusName(), null,
        List.of(), List.of(), Map.of(), Map.of(), List.of(), "v", "c", base.created());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlCaseReport.render(mixed));

    assertTrue(e.getMessage().startsWith("report images must share one grid, but sequence t1c and segmentation gamma"
        + " differ: affine"), e.getMessage());
  }

  @Test
  void chromiumRendersReport() throws Exception {
    Chromium chromium = Chromium.require(work);
    Path page = HtmlCaseReport.write(work.resolve("report"), report());
    Path png = work.resolve("screenshot.png");

    chromium.screenshot(page, png, 1280, 2000);
    String dom = chromium.dumpDom(page);

    BufferedImage screenshot = ImageIO.read(png.toFile());
    assertEquals(1280, screenshot.getWidth());
    double[] stats = luminanceStatistics(screenshot);
    assertTrue(stats[1] > 30, "screenshot looks blank: luminance standard deviation " + stats[1]);
    // The black slice backgrounds cover about 4 % of this page.
    assertTrue(stats[2] > 0.02, "screenshot looks blank: dark pixel fraction " + stats[2]);
    assertTrue(stats[3] > 200, "screenshot has only " + stats[3] + " distinct colours");
    assertTrue(dom.contains("<table id=\"dice-vs-consensus\">"), "table missing from the rendered DOM");
    assertTrue(dom.contains("<th>alpha</th><td>0.9123</td><td>0.8765</td><td>0.8001</td>"));
    assertTrue(dom.contains("<th>&lt;beta &amp; co&gt;</th><td>0.8123</td><td>1.0000</td>"));
    assertEquals(16, count(dom, "src=\"data:image/png;base64,"));
  }

  /** Returns mean and standard deviation of luminance, the fraction of pixels darker than 64, and the distinct colours. */
  private static double[] luminanceStatistics(BufferedImage image) {
    double sum = 0;
    double sumSquares = 0;
    long dark = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    long n = (long) image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        double luminance = 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
        sum += luminance;
        sumSquares += luminance * luminance;
        if (luminance < 64) {
          dark++;
        }
      }
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(sumSquares / n - mean * mean), (double) dark / n, colours.size()};
  }

  private static int count(String text, String needle) {
    Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
