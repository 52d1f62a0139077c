package io.github.bratsensemble.segmentor.staging;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.segmentor.registry.Modality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the four images of a case in a folder by the last token of their file names, so that
 * BraTS 2023 names ({@code BraTS-GLI-00001-000-t2f.nii.gz}), BraTS 2021 names
 * ({@code BraTS2021_00000_flair.nii.gz}) and plain names ({@code flair.nii.gz}) all work.
 */
public final class CaseDiscovery {
  private static final Map<Modality, Set<String>> TOKENS = Map.of(
      Modality.T1, Set.of("t1", "t1n"),
      Modality.T1C, Set.of("t1c", "t1ce", "t1gd"),
      Modality.T2, Set.of("t2", "t2w"),
      Modality.FLAIR, Set.of("flair", "fla", "t2f"));

  private CaseDiscovery() {}

  /**
   * Returns the case in {@code dir}, named after the folder, with the grid of its T1c image.
   *
   * @throws IOException when the folder is missing or a modality has no file or several files
   */
  public static CaseInputs discover(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "case folder not found");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir + ": a case folder with T1, T1c, T2 and FLAIR images is required");
    }
    Map<Modality, List<Path>> found = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      found.put(m, new ArrayList<>());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        Modality m = modalityOf(file.getFileName().toString());
        if (m != null && Files.isRegularFile(file)) {
          found.get(m).add(file);
        }
      }
    }
    Map<Modality, Path> chosen = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      List<Path> candidates = found.get(m);
      if (candidates.isEmpty()) {
        throw new IOException(dir + ": no " + m.key() + " image found; expected a .nii or .nii.gz file whose name ends in "
            + String.join(", ", TOKENS.get(m).stream().sorted().map(t -> "-" + t + " or _" + t).toList()));
      }
      if (candidates.size() > 1) {
        throw new IOException(dir + ": " + candidates.size() + " " + m.key() + " images found ("
            + String.join(", ", candidates.stream().map(p -> p.getFileName().toString()).toList())
            + "); exactly one is required");
      }
      chosen.put(m, candidates.get(0));
    }
    String caseId = dir.toAbsolutePath().normalize().getFileName() == null
        ? "case" : dir.toAbsolutePath().normalize().getFileName().toString();
    Grid grid = Nifti.readFloat(chosen.get(Modality.T1C)).grid();
    return new CaseInputs(caseId, chosen.get(Modality.T1), chosen.get(Modality.T1C),
        chosen.get(Modality.T2), chosen.get(Modality.FLAIR), grid);
  }

  /** Returns the modality a file name denotes, or {@code null} when it is not a recognised image. */
  static Modality modalityOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    String stem;
    if (lower.endsWith(".nii.gz")) {
      stem = lower.substring(0, lower.length() - 7);
    } else if (lower.endsWith(".nii")) {
      stem = lower.substring(0, lower.length() - 4);
    } else {
      return null;
    }
    String[] tokens = stem.split("[-_.]");
    String last = tokens[tokens.length - 1];
    for (Map.Entry<Modality, Set<String>> e : TOKENS.entrySet()) {
      if (e.getValue().contains(last)) {
        return e.getKey();
      }
    }
    return null;
  }
}
