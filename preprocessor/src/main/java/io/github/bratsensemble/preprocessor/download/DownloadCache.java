package io.github.bratsensemble.preprocessor.download;

import io.github.bratsensemble.imaging.io.CacheFolders;
import io.github.bratsensemble.preprocessor.manifest.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A folder of downloaded reference files (atlases, models), each verified by SHA-256.
 *
 * <p>{@link #resolve} returns the cached file when its checksum matches; otherwise it downloads
 * the file into a temporary file in the cache folder, verifies it and renames it into place, so a
 * partial or corrupt download never takes the file's name. With {@code offline} set, a missing
 * file is an error that names the cache path. Safe to use from several threads and processes: the
 * rename is atomic, and concurrent downloads of the same file produce the same bytes.
 */
public final class DownloadCache {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

  private final Path folder;
  private final boolean offline;

  public DownloadCache(Path folder, boolean offline) {
    this.folder = folder;
    this.offline = offline;
  }

  /** Returns the default cache folder, {@link CacheFolders#defaultRoot()}. */
  public static Path defaultFolder() {
    return CacheFolders.defaultRoot();
  }

  public Path folder() {
    return folder;
  }

  /**
   * Returns the verified local copy of {@code source}, downloading it first when needed.
   *
   * @throws IOException if the file is absent in offline mode, the download fails, or the
   *     checksum does not match
   */
  public Path resolve(RemoteFile source) throws IOException {
    Path target = folder.resolve(source.cacheFileName());
    if (Files.isRegularFile(target)) {
      String actual = Checksums.sha256(target);
      if (actual.equals(source.sha256())) {
        return target;
      }
      if (offline) {
        throw new IOException("cached " + source.name() + " at " + target + " has SHA-256 " + actual + " but "
            + source.sha256() + " is expected; delete it and run without --offline to download it again");
      }
    } else if (offline) {
      throw new IOException(source.name() + " is not in the cache (" + target + ") and --offline forbids"
          + " downloading it from " + source.uri() + "; download it there or pass a local copy");
    }
    download(source, target);
    return target;
  }

  /** Returns whether a copy with the right checksum is in the cache; never downloads. */
  public boolean isCached(RemoteFile source) throws IOException {
    Path target = folder.resolve(source.cacheFileName());
    return Files.isRegularFile(target) && Checksums.sha256(target).equals(source.sha256());
  }

  /** Describes a failed request in words, without exception class names. */
  private static String reason(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "no response within " + DOWNLOAD_TIMEOUT.toMinutes() + " minutes";
    }
    if (e instanceof ConnectException) {
      return "could not connect to the server";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private void download(RemoteFile source, Path target) throws IOException {
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IOException("cannot create cache folder " + parent + ": " + e.getMessage(), e);
    }
    Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
    boolean done = false;
    try {
      HttpClient client = HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
      HttpRequest request = HttpRequest.newBuilder(source.uri()).timeout(DOWNLOAD_TIMEOUT).GET().build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("download of " + source.uri() + " was interrupted", e);
      } catch (IOException e) {
        throw new IOException("download of " + source.name() + " from " + source.uri() + " failed: " + reason(e)
            + "; pass a local copy instead", e);
      }
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("download of " + source.name() + " from " + source.uri() + " failed: HTTP "
              + response.statusCode() + "; pass a local copy instead");
        }
        Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      String actual = Checksums.sha256(temp);
      if (!actual.equals(source.sha256())) {
        throw new IOException("downloaded " + source.name() + " from " + source.uri() + " has SHA-256 " + actual
            + " but " + source.sha256() + " is expected; the file was not kept");
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
