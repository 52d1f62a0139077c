package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Benchmark of the whole pipeline on the raw case TCGA-FG-6692 with atlas brain extraction. Runs
 * the case several times (the first run warms the JIT up and is not reported) and prints, per step,
 * the fastest wall time from the manifests, and the fastest total. Arguments: the shared data
 * folder, then optionally the thread count (default 2) and the number of measured runs (default 3).
 */
public final class PreprocessingBenchmark {
  private PreprocessingBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    PreprocessOptions options = PreprocessOptions.builder()
        .brainExtraction(BrainExtractionMethod.ATLAS)
        .atlasImage(root.resolve("atlas/sri24_t1_1mm_skull_stripped.nii.gz"))
        .threads(threads)
        .force(true)
        .build();
    CaseInputs inputs = CaseDiscovery.discover(root.resolve("brats-toolkit-example/TCGA-FG-6692/raw"),
        "TCGA-FG-6692", Map.of());
    Path out = Files.createTempDirectory("preprocessing-benchmark-");
    Map<String, Double> fastest = new LinkedHashMap<>();
    double fastestTotal = Double.POSITIVE_INFINITY;
    try (Preprocessor preprocessor = Preprocessor.open(options, null, new DicomSeries())) {
      for (int run = 0; run <= runs; run++) {
        long start = System.nanoTime();
        Manifest manifest = preprocessor.process(inputs, out).manifest();
        double total = (System.nanoTime() - start) / 1e9;
        if (run == 0) {
          continue;
        }
        fastestTotal = Math.min(fastestTotal, total);
        for (Manifest.Step step : manifest.steps()) {
          fastest.merge(step.name(), step.seconds(), Math::min);
        }
      }
    } finally {
      CaseStaging.deleteTree(out);
    }
    System.out.println("step | fastest s");
    for (Entry<String, Double> e : fastest.entrySet()) {
      System.out.printf(Locale.ROOT, "%s | %.2f%n", e.getKey(), e.getValue());
    }
    System.out.printf(Locale.ROOT, "total (process call) | %.2f%n", fastestTotal);
  }
}
