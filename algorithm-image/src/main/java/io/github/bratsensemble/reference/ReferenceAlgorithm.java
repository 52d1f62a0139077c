package io.github.bratsensemble.reference;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The program inside the reference algorithm container.
 *
 * <p>Usage: {@code [--input DIR] [--output DIR] [--id ID] [--mode MODE]}, or the MLCube form
 * {@code infer --data_path=DIR --output_path=DIR}. The input defaults to {@code /data} and the
 * output to {@code <input>/results}. It finds the four images (see {@link InputLayout}), segments
 * them with {@link FlairLesionSegmenter} and writes a uint8 label map.
 *
 * <p>Modes other than {@code normal} misbehave on purpose so that tests can exercise the
 * runner's failure handling: {@code sleep} (never finishes), {@code fail} (message on stderr,
 * exit code 3), {@code no-result} (exits 0 without writing), {@code wrong-grid} (a 2 mm grid),
 * {@code no-sform} (correct voxels without qform or sform), {@code bad-labels} (writes label 7),
 * {@code empty} (all background), and {@code probe} (prints the network interfaces and whether the
 * inputs are writable, then runs normally).
 */
public final class ReferenceAlgorithm {
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
    Path input = Path.of("/data");
    Path output = null;
    String id = "reference";
    String mode = "normal";
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
      } else if (i + 1 < list.size() && arg.equals("--mode")) {
        mode = list.get(++i).toLowerCase(Locale.ROOT);
      } else {
        throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
      }
    }
    if (output == null) {
      output = input.resolve("results");
    }

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

    InputLayout layout = InputLayout.detect(input, id);
    if (mode.equals("probe")) {
      probe(layout);
    }
    FloatVolume flair = Nifti.readFloat(layout.flair());
    FloatVolume t1c = Nifti.readFloat(layout.t1c());
    LabelVolume labels = FlairLesionSegmenter.segment(flair, t1c);
    Path result = output.resolve(layout.resultName());
    Files.createDirectories(output);
    switch (mode) {
      case "wrong-grid" -> {
        Grid half = new Grid(new Dimensions(
            (labels.grid().dimensions().nx() + 1) / 2, (labels.grid().dimensions().ny() + 1) / 2,
            (labels.grid().dimensions().nz() + 1) / 2), Affine.scaling(2, 2, 2, 0, 0, 0));
        Nifti.writeLabels(result, LabelVolume.zeros(half));
      }
      case "no-sform" -> writeWithoutOrientation(result, labels);
      case "bad-labels" -> {
        byte[] bad = labels.labelArray().clone();
        bad[bad.length / 2] = 7;
        Nifti.writeLabels(result, LabelVolume.wrap(labels.grid(), bad));
      }
      case "empty" -> Nifti.writeLabels(result, LabelVolume.zeros(labels.grid()));
      case "normal", "probe" -> Nifti.writeLabels(result, labels);
      default -> throw new IllegalArgumentException("unknown mode \"" + mode + "\"");
    }
    long lesion = labels.voxelCount() - labels.histogram()[0];
    System.out.println("wrote " + result + " (" + lesion + " lesion voxels)");
    return 0;
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
