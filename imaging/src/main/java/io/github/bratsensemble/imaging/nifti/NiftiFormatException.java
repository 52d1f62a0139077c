package io.github.bratsensemble.imaging.nifti;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid or supported NIfTI image; the message names the file and the problem. */
public final class NiftiFormatException extends IOException {

  public NiftiFormatException(Path file, String problem) {
    super(name(file) + ": " + problem);
  }

  public NiftiFormatException(Path file, String problem, Throwable cause) {
    super(name(file) + ": " + problem, cause);
  }

  private static String name(Path file) {
    return file == null ? "in-memory image" : file.toString();
  }
}
