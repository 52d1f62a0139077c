package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides what INPUT of {@code run} holds: one case folder (NIfTI images, an {@code anat}
 * subfolder or DICOM series folders), or a folder whose subfolders are cases. A subfolder that is
 * not a case itself but contains a case folder with a generic name ({@code PATIENT/raw}) counts as
 * that case.
 *
 * <p>A case's id names its output folder: the folder's name, or for a folder with a generic name
 * ({@code raw}, {@code input}, {@code nifti}, {@code preprocessed}, in any letter case) the name of
 * the nearest parent folder whose name is not generic, so {@code TCGA-FG-6692/raw} is case
 * {@code TCGA-FG-6692}.
 *
 * @param cases the cases, sorted by folder
 * @param skipped subfolders that are not cases, each with the reason
 */
record CaseFolders(List<Case> cases, List<Skipped> skipped) {
  private static final Set<String> GENERIC_NAMES = Set.of("raw", "input", "nifti", "preprocessed");

  /** A case folder and its id. */
  record Case(Path folder, String id) {}

  /** A subfolder that is not a case. */
  record Skipped(Path folder, String reason) {}

  /**
   * Finds the cases of {@code input}.
   *
   * @throws IOException when {@code input} is not a folder or contains no case at all
   * @throws DuplicateCaseIdException when two case folders get the same id
   */
  static CaseFolders find(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      throw new IOException("input " + input + " is not a folder; expected a case folder or a folder of cases");
    }
    if (CaseDiscovery.isCaseFolder(input)) {
      return new CaseFolders(List.of(new Case(input, caseId(input))), List.of());
    }
    List<Path> folders = new ArrayList<>(CaseDiscovery.caseFolders(input));
    List<Skipped> skipped = new ArrayList<>();
    try (Stream<Path> entries = Files.list(input)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || !Files.isDirectory(entry) || folders.contains(entry)) {
          continue;
        }
        List<Path> nested = genericCaseFolders(entry);
        if (nested.isEmpty()) {
          skipped.add(new Skipped(entry, "no NIfTI image, anat folder or DICOM series inside"));
        } else {
          folders.addAll(nested);
        }
      }
    }
    if (folders.isEmpty()) {
      throw new IOException("no case found in " + input
          + ": expected NIfTI images (or DICOM series folders) in it or in its subfolders");
    }
    folders.sort(null);
    List<Case> cases = new ArrayList<>();
    Map<String, Path> byId = new HashMap<>();
    for (Path folder : folders) {
      String id = caseId(folder);
      Path other = byId.putIfAbsent(id.toLowerCase(Locale.ROOT), folder);
      if (other != null) {
        throw new DuplicateCaseIdException("case folders " + other + " and " + folder + " both get the case id '"
            + id + "'; rename one of them or run them separately");
      }
      cases.add(new Case(folder, id));
    }
    return new CaseFolders(List.copyOf(cases), List.copyOf(skipped));
  }

  /**
   * Returns the id of the case in {@code folder}: its name, or the name of the nearest parent with
   * a name that is not generic.
   */
  static String caseId(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    for (Path p = absolute; p != null && p.getFileName() != null; p = p.getParent()) {
      String name = p.getFileName().toString();
      if (!isGeneric(name)) {
        return name;
      }
    }
    return absolute.getFileName() == null ? "case" : absolute.getFileName().toString();
  }

  static boolean isGeneric(String folderName) {
    return GENERIC_NAMES.contains(folderName.toLowerCase(Locale.ROOT));
  }

  /** Returns the subfolders of {@code folder} with a generic name that are case folders. */
  private static List<Path> genericCaseFolders(Path folder) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.sorted().toList()) {
        if (isGeneric(child.getFileName().toString()) && CaseDiscovery.isCaseFolder(child)) {
          found.add(child);
        }
      }
    }
    return found;
  }
}
