package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.preprocessor.discovery.CaseDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides what INPUT of {@code run} holds: one case folder (NIfTI images, an {@code anat}
 * subfolder or DICOM series folders), or a folder whose subfolders are cases.
 *
 * @param cases the case folders, sorted by name
 * @param skipped subfolders that are not cases, each with the reason
 */
record CaseFolders(List<Path> cases, List<Skipped> skipped) {

  /** A subfolder that is not a case. */
  record Skipped(Path folder, String reason) {}

  /**
   * Finds the cases of {@code input}.
   *
   * @throws IOException when {@code input} is not a folder or contains no case at all
   */
  static CaseFolders find(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      throw new IOException("input " + input + " is not a folder; expected a case folder or a folder of cases");
    }
    if (CaseDiscovery.isCaseFolder(input)) {
      return new CaseFolders(List.of(input), List.of());
    }
    List<Path> cases = CaseDiscovery.caseFolders(input);
    List<Skipped> skipped = new ArrayList<>();
    try (Stream<Path> entries = Files.list(input)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || !Files.isDirectory(entry) || cases.contains(entry)) {
          continue;
        }
        skipped.add(new Skipped(entry, "no NIfTI image, anat folder or DICOM series inside"));
      }
    }
    if (cases.isEmpty()) {
      throw new IOException("no case found in " + input
          + ": expected NIfTI images (or DICOM series folders) in it or in its subfolders");
    }
    return new CaseFolders(cases, skipped);
  }
}
