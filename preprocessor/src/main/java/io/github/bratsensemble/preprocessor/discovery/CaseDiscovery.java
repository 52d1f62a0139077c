package io.github.bratsensemble.preprocessor.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the four sequences of a case folder.
 *
 * <p>Looked at: the regular files of the folder and of its {@code anat} subfolder (BIDS), and each
 * subfolder that contains DICOM files (recognised by its folder name). Names are matched by {@link
 * FileNameRecognizer}. Explicit paths override what is found; with all four given the folder
 * contents do not matter. When a sequence is missing or matched more than once, the error lists
 * every entry seen and what it was recognised as.
 */
public final class CaseDiscovery {
  private static final String OVERRIDE_HINT = "rename the files as documented or pass --t1, --t1c, --t2 and --flair";

  private CaseDiscovery() {}

  /** Recognises the sequences of {@code folder}; its name is the case id. */
  public static CaseInputs discover(Path folder, Map<Sequence, Path> overrides) throws IOException {
    return discover(folder, folder.getFileName().toString(), overrides);
  }

  /**
   * Recognises the sequences of {@code folder}.
   *
   * @param overrides explicit sources per sequence (a NIfTI file or a DICOM folder); may be empty
   * @throws DiscoveryException if a sequence is missing or ambiguous, or an override does not exist
   */
  public static CaseInputs discover(Path folder, String caseId, Map<Sequence, Path> overrides) throws IOException {
    Map<Sequence, SequenceSource> found = new EnumMap<>(Sequence.class);
    for (Map.Entry<Sequence, Path> entry : overrides.entrySet()) {
      Path path = entry.getValue();
      if (!Files.exists(path)) {
        throw new DiscoveryException("--" + entry.getKey().optionName() + " " + path + ": file not found");
      }
      found.put(entry.getKey(), new SequenceSource(entry.getKey(), path, Files.isDirectory(path), NamingConvention.EXPLICIT));
    }
    if (found.size() == Sequence.values().length) {
      return new CaseInputs(caseId, folder, found);
    }
    if (!Files.isDirectory(folder)) {
      throw new DiscoveryException("case folder " + folder + " not found or not a folder");
    }

    List<String> seen = new ArrayList<>();
    Map<Sequence, List<SequenceSource>> candidates = new EnumMap<>(Sequence.class);
    for (Path entry : entries(folder)) {
      String name = folder.relativize(entry).toString();
      Optional<SequenceSource> source = recognize(entry);
      if (source.isEmpty()) {
        seen.add(name + " -> " + (isIgnoredSidecar(entry) ? "ignored" : "not recognised"));
        continue;
      }
      SequenceSource s = source.get();
      String what = s.sequence() + " (" + s.convention().description() + (s.dicom() ? ", DICOM series" : "") + ")";
      if (found.containsKey(s.sequence())) {
        seen.add(name + " -> " + what + ", replaced by --" + s.sequence().optionName());
        continue;
      }
      seen.add(name + " -> " + what);
      candidates.computeIfAbsent(s.sequence(), k -> new ArrayList<>()).add(s);
    }

    List<String> problems = new ArrayList<>();
    for (Sequence sequence : Sequence.values()) {
      if (found.containsKey(sequence)) {
        continue;
      }
      List<SequenceSource> options = candidates.getOrDefault(sequence, List.of());
      if (options.isEmpty()) {
        problems.add("missing " + sequence);
      } else if (options.size() > 1) {
        List<String> names = new ArrayList<>();
        for (SequenceSource option : options) {
          names.add(folder.relativize(option.path()).toString());
        }
        problems.add("ambiguous " + sequence + " (" + String.join(", ", names) + ")");
      } else {
        found.put(sequence, options.get(0));
      }
    }
    if (!problems.isEmpty()) {
      throw new DiscoveryException("case " + caseId + " in " + folder + ": " + String.join("; ", problems)
          + "; entries seen: " + (seen.isEmpty() ? "none" : String.join(", ", seen)) + "; " + OVERRIDE_HINT);
    }
    return new CaseInputs(caseId, folder, found);
  }

  /**
   * Returns whether {@code folder} looks like one case: it contains a NIfTI file directly or in an
   * {@code anat} subfolder, or a subfolder of DICOM files.
   */
  public static boolean isCaseFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    for (Path entry : entries(folder)) {
      if (Files.isRegularFile(entry) && FileNameRecognizer.isImageFile(entry.getFileName().toString())) {
        return true;
      }
      if (Files.isDirectory(entry) && DicomSeries.isDicomFolder(entry)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the subfolders of {@code root} that are case folders, sorted by name. */
  public static List<Path> caseFolders(Path root) throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.sorted().toList()) {
        if (!child.getFileName().toString().startsWith(".") && isCaseFolder(child)) {
          cases.add(child);
        }
      }
    }
    return cases;
  }

  private static Optional<SequenceSource> recognize(Path entry) throws IOException {
    String name = entry.getFileName().toString();
    if (Files.isDirectory(entry)) {
      if (!DicomSeries.isDicomFolder(entry)) {
        return Optional.empty();
      }
      return FileNameRecognizer.recognizeStem(name)
          .map(r -> new SequenceSource(r.sequence(), entry, true, r.convention()));
    }
    return FileNameRecognizer.recognizeFile(name)
        .map(r -> new SequenceSource(r.sequence(), entry, false, r.convention()));
  }

  /** Sidecars that come with images and are not images themselves. */
  private static boolean isIgnoredSidecar(Path entry) {
    String name = entry.getFileName().toString();
    return FileNameRecognizer.isImageDataFile(name) || name.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
  }

  /** Lists the folder's entries and those of its {@code anat} subfolder, sorted, without hidden ones. */
  private static List<Path> entries(Path folder) throws IOException {
    List<Path> result = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.sorted().toList()) {
        if (child.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(child) && child.getFileName().toString().equalsIgnoreCase("anat")) {
          try (Stream<Path> anat = Files.list(child)) {
            anat.sorted().filter(p -> !p.getFileName().toString().startsWith(".")).forEach(result::add);
          }
        } else {
          result.add(child);
        }
      }
    }
    return result;
  }

  /** Reads the first bytes of a file; used to detect DICOM. */
  static byte[] head(Path file, int count) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(count);
    }
  }
}
