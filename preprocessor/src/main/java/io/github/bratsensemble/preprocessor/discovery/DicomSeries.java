package io.github.bratsensemble.preprocessor.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Detects DICOM series folders and converts them to NIfTI with Chris Rorden's {@code dcm2niix}
 * (Debian package {@code dcm2niix}), keeping its BIDS JSON sidecar next to the image.
 *
 * <p>A folder is a DICOM series when one of its first files carries the {@code DICM} marker at
 * byte 128 (DICOM Part 10). The converter must produce exactly one image; a folder that contains
 * several series or echoes is rejected with the names dcm2niix produced.
 */
public final class DicomSeries {
  /** Files checked for the DICOM marker before a folder is taken as not DICOM. */
  private static final int FILES_PROBED = 8;
  private static final long TIMEOUT_SECONDS = 600;

  private final String executable;

  /** Uses {@code dcm2niix} from the {@code PATH}. */
  public DicomSeries() {
    this("dcm2niix");
  }

  /** Uses the given dcm2niix executable (a name looked up on the {@code PATH}, or a path). */
  public DicomSeries(String executable) {
    this.executable = executable;
  }

  /** Returns whether {@code folder} directly contains DICOM Part 10 files. */
  public static boolean isDicomFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> probe = files.filter(Files::isRegularFile).sorted().limit(FILES_PROBED).toList();
      for (Path file : probe) {
        if (isDicomFile(file)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isDicomFile(Path file) throws IOException {
    byte[] head = CaseDiscovery.head(file, 132);
    return head.length == 132 && new String(head, 128, 4, StandardCharsets.US_ASCII).equals("DICM");
  }

  /**
   * Converts the series in {@code seriesFolder} to {@code outputFolder/<baseName>.nii.gz} plus
   * {@code <baseName>.json}, and returns the image path.
   *
   * @throws DiscoveryException if dcm2niix is not installed, fails, or yields not exactly one image
   */
  public Path convert(Path seriesFolder, Path outputFolder, String baseName) throws IOException {
    Path work = Files.createTempDirectory(outputFolder, ".dcm2niix-");
    try {
      List<String> command = List.of(executable, "-z", "y", "-b", "y", "-ba", "y", "-f", baseName,
          "-o", work.toString(), seriesFolder.toString());
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new DiscoveryException("DICOM series " + seriesFolder + " needs dcm2niix, which was not found ("
            + executable + "); install it with 'apt-get install dcm2niix' or from"
            + " https://github.com/rordenlab/dcm2niix, or convert the series to NIfTI first", e);
      }
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished;
      try {
        finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new DiscoveryException("DICOM conversion of " + seriesFolder + " was interrupted", e);
      }
      if (!finished) {
        process.destroyForcibly();
        throw new DiscoveryException("dcm2niix timed out after " + TIMEOUT_SECONDS + " s on " + seriesFolder);
      }
      if (process.exitValue() != 0) {
        throw new DiscoveryException("dcm2niix failed with exit code " + process.exitValue() + " on " + seriesFolder
            + ": " + lastLine(log));
      }

      List<Path> images = new ArrayList<>();
      try (Stream<Path> produced = Files.list(work)) {
        for (Path p : produced.sorted().toList()) {
          String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
          if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            images.add(p);
          }
        }
      }
      if (images.size() != 1) {
        List<String> names = images.stream().map(p -> p.getFileName().toString()).toList();
        throw new DiscoveryException("DICOM folder " + seriesFolder + " converted to " + images.size()
            + " images " + names + " but one series per sequence is expected; put each series in its own folder");
      }
      Path image = images.get(0);
      String produced = image.getFileName().toString();
      String producedStem = produced.substring(0, produced.indexOf(".nii"));
      Path target = outputFolder.resolve(baseName + ".nii.gz");
      if (produced.endsWith(".nii")) {
        gzip(image, target);
      } else {
        Files.move(image, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Path sidecar = work.resolve(producedStem + ".json");
      if (Files.exists(sidecar)) {
        Files.move(sidecar, outputFolder.resolve(baseName + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      deleteTree(work);
    }
  }

  private static void gzip(Path source, Path target) throws IOException {
    try (var in = Files.newInputStream(source);
        var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(target))) {
      in.transferTo(out);
    }
  }

  private static String lastLine(String log) {
    String[] lines = log.strip().split("\n");
    return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
