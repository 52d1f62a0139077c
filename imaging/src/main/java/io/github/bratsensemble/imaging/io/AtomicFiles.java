package io.github.bratsensemble.imaging.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files atomically: the content goes to a temporary file in the target directory, which is
 * renamed over the target only when it is complete. A failure leaves any earlier file untouched
 * and removes the temporary file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Content producer that may throw {@link IOException}. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} from {@code writer}.
   *
   * @throws IOException if the folder is missing or the write fails (disk full, no permission), naming the target
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException(target + ": output folder " + dir + " does not exist");
    }
    try {
      writeVia(absolute, dir, writer);
    } catch (IOException e) {
      throw naming(target, e);
    }
  }

  private static void writeVia(Path absolute, Path dir, Writer writer) throws IOException {
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.writeTo(out);
      }
      // Temporary files are created owner-only; outputs get the usual rw-r--r--.
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Returns an exception that names the target for the file system's own errors, such as a full
   * disk or a missing permission. Other exceptions, such as a codec's, pass through unchanged.
   */
  private static IOException naming(Path target, IOException e) {
    String message = e.getMessage();
    boolean fileSystemError = e.getClass() == IOException.class || e instanceof FileSystemException;
    if (!fileSystemError || (message != null && message.contains(target.toString()))) {
      return e;
    }
    String reason = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    return new IOException(target + ": writing failed: " + reason, e);
  }

  public static void writeString(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
