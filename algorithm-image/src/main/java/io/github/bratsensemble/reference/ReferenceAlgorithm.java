package io.github.bratsensemble.reference;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.BuiltinAlgorithms;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.NetworkInterface;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPOutputStream;

/**
 * The program inside the reference algorithm container.
 *
 * <p>Usage: {@code [--input DIR] [--output DIR] [--id ID] [--algorithm NAME] [--mode MODE]}, or
 * the MLCube form {@code infer --data_path=DIR --output_path=DIR}. The input defaults to
 * {@code /data} and the output to {@code <input>/results}. It finds the four images (see
 * {@link InputLayout}), segments them with the project's built-in algorithms and writes one uint8
 * label map in the BraTS 2021 convention.
 *
 * <p>{@code --algorithm} names one built-in algorithm ({@code intensity-outlier}, {@code gmm},
 * {@code region-growing}) or {@code all}, the default: all of them, combined by
 * {@link RegionMajority}. Without the option the environment variable
 * {@value #ALGORITHM_VARIABLE} is used when set.
 *
 * <p>Modes other than {@code normal} misbehave on purpose so that tests can exercise the
 * runner's failure handling: {@code sleep} (never finishes), {@code fail} (message on stderr,
 * exit code 3), {@code no-result} (exits 0 without writing), {@code wrong-grid} (a 2 mm grid),
 * {@code no-sform} (correct voxels without qform or sform), {@code bad-labels} (writes label 7),
 * {@code empty} (all background), and {@code probe} (prints the network interfaces and whether the
 * inputs are writable, then runs normally).
 */
public final class ReferenceAlgorithm {
  /** The environment variable that chooses the algorithm when {@code --algorithm} is absent. */
  public static final String ALGORITHM_VARIABLE = "BRATS_ENSEMBLE_ALGORITHM";
  /** The {@code --algorithm} value that runs every built-in algorithm and combines the results. */
  public static final String ALL = "all";
  private static final List<String> SEGMENTING_MODES =
      List.of("normal", "probe", "wrong-grid", "no-sform", "bad-labels", "empty");

  private ReferenceAlgorithm() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (AccessDeniedException e) {
      System.err.println("reference algorithm: permission denied: " + e.getFile());
      System.exit(2);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("reference algorithm: " + e.getMessage());
      System.exit(2);
    } catch (InterruptedException e) {
      System.exit(130);
    }
  }

  static int run(String[] args) throws IOException, InterruptedException {
    return run(args, System.getenv(ALGORITHM_VARIABLE));
  }

  /** Runs with {@code algorithmVariable} as the value of {@value #ALGORITHM_VARIABLE} (null when unset). */
  static int run(String[] args, String algorithmVariable) throws IOException, InterruptedException {
    Path input = Path.of("/data");
    Path output = null;
    String id = "reference";
    String mode = "normal";
    String algorithm = algorithmVariable == null || algorithmVariable.isBlank() ? ALL : algorithmVariable.strip();
    List<String> list = List.of(args);
    int start = !list.isEmpty() && list.get(0).equals("infer") ? 1 : 0;
    for (int i = start; i < list.size(); i++) {
      String arg = list.get(i);
      if (arg.startsWith("--data_path=")) {
        input = Path.of(arg.substring("--data_path=".length()));
      } else if (arg.startsWith("--output_path=")) {
        output = Path.of(arg.substring("--output_path=".length()));
      } else if (i + 1 < list.size() && arg.equals("--input")) {
        input = Path.of(list.get(++i));
      } else if (i + 1 < list.size() && arg.equals("--output")) {
        output = Path.of(list.get(++i));
      } else if (i + 1 < list.size() && arg.equals("--id")) {
        id = list.get(++i);
      } else if (i + 1 < list.size() && arg.equals("--algorithm")) {
        algorithm = list.get(++i);
      } else if (i + 1 < list.size() && arg.equals("--mode")) {
        mode = list.get(++i).toLowerCase(Locale.ROOT);
      } else {
        throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
      }
    }
    if (output == null) {
      output = input.resolve("results");
    }
    List<BuiltinAlgorithm> algorithms = algorithms(algorithm);

    switch (mode) {
      case "sleep" -> {
        System.out.println("sleeping until killed");
        Thread.sleep(Long.MAX_VALUE);
        return 0;
      }
      case "fail" -> {
        System.err.println("simulated failure: model weights missing");
        return 3;
      }
      case "no-result" -> {
        System.out.println("finished without writing a result");
        return 0;
      }
      default -> {
        // The remaining modes segment the case.
      }
    }

    if (!SEGMENTING_MODES.contains(mode)) {
      throw new IllegalArgumentException("unknown mode \"" + mode + "\"");
    }
    InputLayout layout = InputLayout.detect(input, id);
    if (mode.equals("probe")) {
      probe(layout);
    }
    Path result = output.resolve(layout.resultName());
    Files.createDirectories(output);

    // These two modes only need the input grid, so they skip the segmentation.
    if (mode.equals("wrong-grid") || mode.equals("empty")) {
      Grid grid = Nifti.readFloat(layout.flair()).grid();
      Grid half = new Grid(new Dimensions((grid.dimensions().nx() + 1) / 2, (grid.dimensions().ny() + 1) / 2,
          (grid.dimensions().nz() + 1) / 2), Affine.scaling(2, 2, 2, 0, 0, 0));
      Nifti.writeLabels(result, LabelVolume.zeros(mode.equals("empty") ? grid : half));
      System.out.println("wrote " + result + " (" + mode + ")");
      return 0;
    }

    LabelVolume labels = segment(layout, algorithms);
    switch (mode) {
      case "no-sform" -> writeWithoutOrientation(result, labels);
      case "bad-labels" -> {
        byte[] bad = labels.labelArray().clone();
        bad[bad.length / 2] = 7;
        Nifti.writeLabels(result, LabelVolume.wrap(labels.grid(), bad));
      }
      default -> Nifti.writeLabels(result, labels);
    }
    long lesion = labels.voxelCount() - labels.histogram()[0];
    System.out.println("wrote " + result + " (" + lesion + " tumour voxels)");
    return 0;
  }

  /**
   * Returns the algorithm named {@code name}, or every built-in algorithm for {@value #ALL}.
   *
   * @throws IllegalArgumentException naming the known algorithms when there is no such algorithm
   */
  static List<BuiltinAlgorithm> algorithms(String name) {
    if (name.equals(ALL)) {
      return BuiltinAlgorithms.all();
    }
    try {
      return List.of(BuiltinAlgorithms.byId(name));
    } catch (NoSuchElementException e) {
      throw new IllegalArgumentException("unknown algorithm \"" + name + "\"; expected " + ALL + " or one of "
          + String.join(", ", BuiltinAlgorithms.ids()), e);
    }
  }

  /** Reads the case and runs the algorithms on it; several results are combined by {@link RegionMajority}. */
  private static LabelVolume segment(InputLayout layout, List<BuiltinAlgorithm> algorithms) throws IOException {
    BratsCase input = BratsCase.of(Nifti.readFloat(layout.t1()), Nifti.readFloat(layout.t1c()),
        Nifti.readFloat(layout.t2()), Nifti.readFloat(layout.flair()));
    List<LabelVolume> results = new ArrayList<>();
    for (BuiltinAlgorithm algorithm : algorithms) {
      long start = System.nanoTime();
      LabelVolume labels = algorithm.segment(input);
      System.out.printf(Locale.ROOT, "%s: %d tumour voxels in %.1f s%n", algorithm.id(),
          labels.voxelCount() - labels.histogram()[0], (System.nanoTime() - start) / 1e9);
      results.add(labels);
    }
    return results.size() == 1 ? results.get(0) : RegionMajority.combine(input.grid(), results);
  }

  /**
   * Writes the label map with {@code qform_code} and {@code sform_code} 0 and an all-zero sform, as
   * some published algorithm containers do: a NIfTI-1 file, patched after writing because the
   * codec always sets both codes.
   */
  private static void writeWithoutOrientation(Path result, LabelVolume labels) throws IOException {
    Path plain = Files.createTempFile(result.getParent(), ".plain-", ".nii");
    try {
      Nifti.writeLabels(plain, labels);
      byte[] bytes = Files.readAllBytes(plain);
      ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (header.getInt(0) != 348) {
        header.order(ByteOrder.BIG_ENDIAN);
      }
      header.putShort(252, (short) 0);
      header.putShort(254, (short) 0);
      for (int offset = 280; offset < 328; offset += 4) {
        header.putFloat(offset, 0f);
      }
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(result))) {
        out.write(bytes);
      }
    } finally {
      Files.deleteIfExists(plain);
    }
  }

  private static void probe(InputLayout layout) throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      System.out.println("network interface: " + nic.getName());
    }
    try {
      Files.write(layout.flair(), new byte[0], java.nio.file.StandardOpenOption.APPEND);
      System.out.println("input writable: true");
    } catch (AccessDeniedException e) {
      System.out.println("input writable: false");
    } catch (FileSystemException e) {
      System.out.println("input writable: false (" + e.getReason() + ")");
    }
  }
}
