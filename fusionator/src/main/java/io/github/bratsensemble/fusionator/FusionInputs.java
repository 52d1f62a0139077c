package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Reads input label maps from NIfTI files. */
public final class FusionInputs {
  private FusionInputs() {}

  /**
   * Returns the {@code .nii} and {@code .nii.gz} files directly inside {@code directory}, sorted by
   * file name (String order), never in file-system order.
   *
   * @throws IOException if the directory cannot be listed
   */
  public static List<Path> listDirectory(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(path -> isNifti(path.getFileName().toString()))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .collect(Collectors.toList());
    }
  }

  private static boolean isNifti(String name) {
    return name.endsWith(".nii") || name.endsWith(".nii.gz");
  }

  /**
   * Reads label maps (uint8, int16, float32, float64 ... with integer values 0..255), in parallel,
   * named by their file names.
   *
   * @param conventions one convention per file, or a single convention for all files
   * @throws IOException naming the file when one cannot be read or is not a valid label map
   */
  public static List<FusionInput> read(List<Path> files, List<LabelConvention> conventions) throws IOException {
    if (conventions.size() != 1 && conventions.size() != files.size()) {
      throw new IllegalArgumentException("got " + conventions.size() + " input label conventions for "
          + files.size() + " inputs; give one, or one per input");
    }
    LabelVolume[] volumes = new LabelVolume[files.size()];
    try {
      IntStream.range(0, files.size()).parallel().forEach(i -> {
        try {
          volumes[i] = Nifti.readLabels(files.get(i));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      // The fork-join pool may rethrow a copy that wraps the original exception.
      Throwable cause = e;
      while (cause != null && !(cause instanceof IOException)) {
        cause = cause.getCause();
      }
      if (cause != null) {
        throw (IOException) cause;
      }
      throw e;
    }
    List<FusionInput> inputs = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      LabelConvention convention = conventions.size() == 1 ? conventions.get(0) : conventions.get(i);
      inputs.add(new FusionInput(files.get(i).getFileName().toString(), volumes[i], convention));
    }
    return inputs;
  }
}
