package io.github.bratsensemble.inference.models;

import io.github.bratsensemble.imaging.io.CacheFolders;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link ModelSource}s to local files, downloading remote models into a cache directory
 * on first use.
 *
 * <p>A cached model is stored as {@code <sha256>-<file name>} and reused whenever a file with that
 * name exists and its digest still matches; a download goes to a temporary file in the cache
 * directory, is checked against the expected SHA-256 and only then renamed into place, so an
 * interrupted or corrupt download never becomes a cached model. In offline mode a model missing
 * from the cache is an error instead of a download. Safe for concurrent use: two processes that
 * download the same model both verify it and the last rename wins with identical content.
 */
public final class ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  /** Maximum wait for a server's response headers. */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

  private final Path cacheDirectory;
  private final boolean offline;
  private final Duration responseTimeout;

  public ModelStore(Path cacheDirectory, boolean offline) {
    this(cacheDirectory, offline, RESPONSE_TIMEOUT);
  }

  ModelStore(Path cacheDirectory, boolean offline, Duration responseTimeout) {
    this.cacheDirectory = cacheDirectory;
    this.offline = offline;
    this.responseTimeout = responseTimeout;
  }

  /** Returns the default cache directory: {@code models} in {@link CacheFolders#defaultRoot()}. */
  public static Path defaultCacheDirectory() {
    return CacheFolders.defaultRoot().resolve("models");
  }

  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /**
   * Returns a local file (or, for a local source, folder) containing the model.
   *
   * @throws NoSuchFileException if a local model file is missing
   * @throws IOException if a digest does not match, the model is not cached in offline mode, or the download fails
   */
  public Path resolve(ModelSource source) throws IOException {
    if (!source.isRemote()) {
      Path file = Path.of(source.location());
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file.toString(), null, "model file not found");
      }
      if (source.sha256() != null && !Files.isRegularFile(file)) {
        throw new IOException("model " + file + " is a folder; a SHA-256 can only be checked for a single file");
      }
      if (source.sha256() != null) {
        verify(file, source.sha256(), "model file " + file);
      }
      return file;
    }

    String fileName = fileName(source.location());
    Path cached = cacheDirectory.resolve(source.sha256() + "-" + fileName);
    if (Files.isRegularFile(cached)) {
      verify(cached, source.sha256(), "cached model " + cached + " (delete it to download again)");
      return cached;
    }
    if (offline) {
      throw new IOException("model " + source.location() + " is not in the cache " + cacheDirectory
          + " and downloads are disabled (offline mode)");
    }
    Files.createDirectories(cacheDirectory);
    Path temporary = Files.createTempFile(cacheDirectory, ".download-", ".part");
    try {
      download(source.location(), temporary, responseTimeout);
      verify(temporary, source.sha256(), "download of " + source.location());
      Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("downloaded model {} to {}", source.location(), cached);
      return cached;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  // NOTE: the response timeout covers the wait for the headers only; a server that stalls in the
  // middle of the body keeps the download waiting.
  private static void download(String url, Path target, Duration responseTimeout) throws IOException {
    LOG.info("downloading model {}", url);
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(responseTimeout).GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("download of model " + url + " failed with HTTP status " + response.statusCode());
        }
        Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of model " + url + " was interrupted", e);
    } catch (HttpTimeoutException e) {
      throw new IOException("download of model " + url + " timed out: no response within "
          + responseTimeout.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw new IOException("download of model " + url + " failed: could not connect to the server", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("download of model")) {
        throw e;
      }
      String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
      throw new IOException("download of model " + url + " failed: " + reason, e);
    }
  }

  private static void verify(Path file, String expected, String description) throws IOException {
    String actual = Sha256.of(file);
    if (!actual.equals(expected)) {
      throw new IOException(description + " has SHA-256 " + actual + " but " + expected + " was expected");
    }
  }

  private static String fileName(String url) {
    String path = URI.create(url).getPath();
    String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() || !name.matches("[A-Za-z0-9._-]+") ? "model" : name;
  }
}
