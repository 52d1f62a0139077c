package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the built-in algorithms: run time, Dice per region and volumes, printed as Markdown
 * table rows. Usage (classpath from {@code mvn dependency:build-classpath}):
 *
 * <pre>
 * java -cp ... io.github.bratsensemble.algorithms.BuiltinAlgorithmsReport phantom 1 2 3
 * java -cp ... io.github.bratsensemble.algorithms.BuiltinAlgorithmsReport brats2023 DATA/brats2023-GLI-00001-000
 * java -cp ... io.github.bratsensemble.algorithms.BuiltinAlgorithmsReport tcga DATA/brats-toolkit-example/TCGA-DU-7294
 * </pre>
 *
 * With {@code -Dpng.dir=DIR} it also writes axial slices through the tumour as PNG files.
 */
public final class BuiltinAlgorithmsReport {
  private BuiltinAlgorithmsReport() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    switch (mode) {
      case "phantom" -> {
        for (int a = 1; a < args.length; a++) {
          long seed = Long.parseLong(args[a]);
          long start = System.nanoTime();
          Phantom phantom = PhantomGenerator.generate(PhantomOptions.ofSeed(seed));
          System.out.printf(Locale.ROOT, "phantom seed %d generated in %.1f s%n", seed, (System.nanoTime() - start) / 1e9);
          report("phantom-" + seed, phantom.toCase(), phantom.truthBrats2021());
        }
      }
      case "brats2023" -> report("brats2023", RealCases.readBrats2023(Path.of(args[1])), null);
      case "tcga" -> {
        Path folder = Path.of(args[1]);
        report("tcga", RealCases.reconstructTcga(folder), RealCases.tcgaReference(folder));
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode + "; expected phantom, brats2023 or tcga");
    }
  }

  private static void report(String name, BratsCase input, LabelVolume truth) throws IOException {
    List<LabelVolume> outputs = new ArrayList<>();
    double voxelMl = input.grid().voxelVolumeMl();
    for (BuiltinAlgorithm algorithm : BuiltinAlgorithms.all()) {
      long start = System.nanoTime();
      LabelVolume output = algorithm.segment(input);
      double seconds = (System.nanoTime() - start) / 1e9;
      outputs.add(output);
      row(name, algorithm.id(), seconds, output, truth, voxelMl);
    }
    LabelVolume majority = RegionMajority.vote(outputs);
    row(name, "majority", Double.NaN, majority, truth, voxelMl);
    if (truth != null) {
      row(name, "reference", Double.NaN, truth, null, voxelMl);
    }
    String pngDir = System.getProperty("png.dir");
    if (pngDir != null) {
      writeSlices(Path.of(pngDir), name, input, outputs, majority, truth);
    }
  }

  private static void row(String name, String method, double seconds, LabelVolume output, LabelVolume truth, double voxelMl) {
    long[] h = output.histogram();
    double wt = (h[1] + h[2] + h[4]) * voxelMl;
    double tc = (h[1] + h[4]) * voxelMl;
    double et = h[4] * voxelMl;
    String dice = "";
    if (truth != null) {
      double[] d = RegionDice.dice(output, truth);
      dice = String.format(Locale.ROOT, " %.3f | %.3f | %.3f |", d[0], d[1], d[2]);
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f |%s%n",
        name, method, Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f", seconds), wt, tc, et, dice);
  }

  private static void writeSlices(Path dir, String name, BratsCase input, List<LabelVolume> outputs, LabelVolume majority,
      LabelVolume truth) throws IOException {
    Files.createDirectories(dir);
    LabelVolume centreOf = truth != null ? truth : majority;
    byte[] labels = centreOf.labelArray();
    int nx = input.grid().dimensions().nx();
    int ny = input.grid().dimensions().ny();
    long zSum = 0;
    long count = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0) {
        zSum += i / (nx * ny);
        count++;
      }
    }
    int centre = count == 0 ? input.grid().dimensions().nz() / 2 : (int) (zSum / count);
    List<LabelVolume> maps = new ArrayList<>(outputs);
    maps.add(majority);
    if (truth != null) {
      maps.add(truth);
    }
    for (int dz : new int[] {-10, 0, 10}) {
      int z = Math.max(0, Math.min(input.grid().dimensions().nz() - 1, centre + dz));
      SlicePng.write(dir.resolve(name + "-z" + z + ".png"), z, input.sequences(), maps);
    }
  }
}
