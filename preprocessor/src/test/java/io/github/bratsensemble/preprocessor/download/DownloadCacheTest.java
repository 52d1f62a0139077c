package io.github.bratsensemble.preprocessor.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.preprocessor.manifest.Checksums;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download cache against a local HTTP server that serves the real atlas file. */
class DownloadCacheTest {
  @TempDir
  Path cacheFolder;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private byte[] atlasBytes;

  @BeforeEach
  void startServer() throws IOException {
    atlasBytes = Files.readAllBytes(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/atlas.nii.gz", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, atlasBytes.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(atlasBytes);
      }
    });
    server.createContext("/missing", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private RemoteFile served(String path, String sha256) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return new RemoteFile("test atlas", uri, sha256, "atlas/test.nii.gz");
  }

  @Test
  void firstUseDownloadsThenReuses() throws IOException {
    RemoteFile file = served("/atlas.nii.gz", RemoteFile.SRI24_T1.sha256());
    DownloadCache cache = new DownloadCache(cacheFolder, false);
    assertFalse(cache.isCached(file));
    Path local = cache.resolve(file);
    assertEquals(cacheFolder.resolve("atlas/test.nii.gz"), local);
    assertEquals(RemoteFile.SRI24_T1.sha256(), Checksums.sha256(local));
    assertEquals(local, cache.resolve(file));
    assertEquals(1, requests.get());
    assertTrue(new DownloadCache(cacheFolder, true).isCached(file));
  }

  @Test
  void checksumMismatchKeepsNothing() throws IOException {
    String wrong = "0".repeat(64);
    RemoteFile file = served("/atlas.nii.gz", wrong);
    IOException e = assertThrows(IOException.class, () -> new DownloadCache(cacheFolder, false).resolve(file));
    assertEquals("downloaded test atlas from " + file.uri() + " has SHA-256 " + RemoteFile.SRI24_T1.sha256()
        + " but " + wrong + " is expected; the file was not kept", e.getMessage());
    try (var left = Files.list(cacheFolder.resolve("atlas"))) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void offlineModeNeverDownloads() {
    RemoteFile file = served("/atlas.nii.gz", RemoteFile.SRI24_T1.sha256());
    IOException e = assertThrows(IOException.class, () -> new DownloadCache(cacheFolder, true).resolve(file));
    assertEquals("test atlas is not in the cache (" + cacheFolder.resolve("atlas/test.nii.gz")
        + ") and --offline forbids downloading it from " + file.uri() + "; download it there or pass a local copy",
        e.getMessage());
    assertEquals(0, requests.get());
  }

  @Test
  void httpErrorNamesStatus() {
    RemoteFile file = served("/missing", RemoteFile.SRI24_T1.sha256());
    IOException e = assertThrows(IOException.class, () -> new DownloadCache(cacheFolder, false).resolve(file));
    assertEquals("download of test atlas from " + file.uri() + " failed: HTTP 404; pass a local copy instead",
        e.getMessage());
  }

  @Test
  void corruptCopyIsReplaced() throws IOException {
    RemoteFile file = served("/atlas.nii.gz", RemoteFile.SRI24_T1.sha256());
    Path local = cacheFolder.resolve("atlas/test.nii.gz");
    Files.createDirectories(local.getParent());
    Files.writeString(local, "truncated");
    assertEquals(local, new DownloadCache(cacheFolder, false).resolve(file));
    assertEquals(atlasBytes.length, Files.size(local));
  }
}
