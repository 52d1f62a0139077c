package io.github.bratsensemble.preprocessor.discovery;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the sequence of an image from its file or folder name, ignoring case. The rules, in
 * order, on the name without its image extension:
 *
 * <ol>
 *   <li>BraTS 2023: ends in {@code -t1n}, {@code -t1c}, {@code -t2w} or {@code -t2f};
 *   <li>BIDS: starts with {@code sub-} and ends in {@code _T1w} (T1c when a {@code _ce-<label>}
 *       entity is present), {@code _T2w} or {@code _FLAIR};
 *   <li>BraTS 2017-2021: ends in {@code _t1}, {@code _t1ce}, {@code _t2} or {@code _flair};
 *   <li>BraTS Toolkit: the whole name is {@code t1}, {@code t1c}, {@code t2}, {@code fla} or
 *       {@code flair}.
 * </ol>
 */
public final class FileNameRecognizer {
  private static final String[] IMAGE_EXTENSIONS = {".nii.gz", ".nii", ".hdr.gz", ".hdr"};

  private FileNameRecognizer() {}

  /** A recognised sequence and the convention that matched. */
  public record Recognition(Sequence sequence, NamingConvention convention) {}

  /** Returns whether the name ends in a NIfTI extension that carries a header. */
  public static boolean isImageFile(String fileName) {
    return stripImageExtension(fileName) != null;
  }

  /** Returns whether the name is the data half of an Analyze-style {@code .hdr}/{@code .img} pair. */
  public static boolean isImageDataFile(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".img") || lower.endsWith(".img.gz");
  }

  /** Recognises an image file name; returns empty for names of no convention or non-image files. */
  public static Optional<Recognition> recognizeFile(String fileName) {
    String stem = stripImageExtension(fileName);
    return stem == null ? Optional.empty() : recognizeStem(stem);
  }

  /** Recognises a name without extension, such as a DICOM series folder name. */
  public static Optional<Recognition> recognizeStem(String name) {
    String stem = name.toLowerCase(Locale.ROOT);

    for (Sequence s : Sequence.values()) {
      if (stem.endsWith("-" + s.suffix())) {
        return Optional.of(new Recognition(s, NamingConvention.BRATS_2023));
      }
    }

    if (stem.startsWith("sub-")) {
      if (stem.endsWith("_t1w")) {
        Sequence s = stem.contains("_ce-") ? Sequence.T1C : Sequence.T1N;
        return Optional.of(new Recognition(s, NamingConvention.BIDS));
      }
      if (stem.endsWith("_t2w")) {
        return Optional.of(new Recognition(Sequence.T2W, NamingConvention.BIDS));
      }
      if (stem.endsWith("_flair")) {
        return Optional.of(new Recognition(Sequence.T2F, NamingConvention.BIDS));
      }
    }

    String[][] brats2017 = {{"_t1", "T1N"}, {"_t1ce", "T1C"}, {"_t2", "T2W"}, {"_flair", "T2F"}};
    for (String[] rule : brats2017) {
      if (stem.endsWith(rule[0])) {
        return Optional.of(new Recognition(Sequence.valueOf(rule[1]), NamingConvention.BRATS_2017));
      }
    }

    return switch (stem) {
      case "t1" -> Optional.of(new Recognition(Sequence.T1N, NamingConvention.BRATS_TOOLKIT));
      case "t1c" -> Optional.of(new Recognition(Sequence.T1C, NamingConvention.BRATS_TOOLKIT));
      case "t2" -> Optional.of(new Recognition(Sequence.T2W, NamingConvention.BRATS_TOOLKIT));
      case "fla", "flair" -> Optional.of(new Recognition(Sequence.T2F, NamingConvention.BRATS_TOOLKIT));
      default -> Optional.empty();
    };
  }

  /** Returns the name without its image extension, or {@code null} when it has none. */
  static String stripImageExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String extension : IMAGE_EXTENSIONS) {
      if (lower.endsWith(extension) && lower.length() > extension.length()) {
        return fileName.substring(0, fileName.length() - extension.length());
      }
    }
    return null;
  }
}
