package io.github.bratsensemble.inference.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  private static final byte[] MODEL = "not really an onnx model".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path cache;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  /** Lets handlers that wait for the end of a test finish. */
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/model.onnx", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, MODEL.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(MODEL);
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void downloadIsVerifiedAndCached() throws IOException {
    ModelSource source = new ModelSource(url("/model.onnx"), Sha256.of(MODEL));
    ModelStore store = new ModelStore(cache, false);

    Path first = store.resolve(source);
    Path second = store.resolve(source);

    assertEquals(cache.resolve(Sha256.of(MODEL) + "-model.onnx"), first);
    assertEquals(first, second);
    assertArrayEquals(MODEL, Files.readAllBytes(first));
    assertEquals(1, requests.get(), "the second resolve reads the cache");
  }

  @Test
  void wrongDigestLeavesNoFile() throws IOException {
    String wrong = "0".repeat(64);
    ModelStore store = new ModelStore(cache, false);

    IOException e = assertThrows(IOException.class, () -> store.resolve(new ModelSource(url("/model.onnx"), wrong)));

    assertEquals("download of " + url("/model.onnx") + " has SHA-256 " + Sha256.of(MODEL) + " but " + wrong
        + " was expected", e.getMessage());
    try (var files = Files.list(cache)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void offlineRejectsMissingModel() {
    ModelStore store = new ModelStore(cache, true);

    IOException e = assertThrows(IOException.class,
        () -> store.resolve(new ModelSource(url("/model.onnx"), Sha256.of(MODEL))));

    assertEquals("model " + url("/model.onnx") + " is not in the cache " + cache
        + " and downloads are disabled (offline mode)", e.getMessage());
    assertEquals(0, requests.get());
  }

  @Test
  void httpErrorIsReported() {
    ModelStore store = new ModelStore(cache, false);

    IOException e = assertThrows(IOException.class,
        () -> store.resolve(new ModelSource(url("/missing.onnx"), Sha256.of(MODEL))));

    assertEquals("download of model " + url("/missing.onnx") + " failed with HTTP status 404", e.getMessage());
  }

  @Test
  void silentServerTimesOut() throws IOException {
    server.createContext("/silent.onnx", exchange -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    ModelStore store = new ModelStore(cache, false, Duration.ofSeconds(1));

    IOException e = assertThrows(IOException.class,
        () -> store.resolve(new ModelSource(url("/silent.onnx"), Sha256.of(MODEL))));

    assertEquals("download of model " + url("/silent.onnx") + " timed out: no response within 1 s", e.getMessage());
    try (var files = Files.list(cache)) {
      assertEquals(0, files.count(), "no partial download is left");
    }
  }

  @Test
  void refusedConnectionIsExplained() throws IOException {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/model.onnx";

    IOException e = assertThrows(IOException.class,
        () -> new ModelStore(cache, false).resolve(new ModelSource(closed, Sha256.of(MODEL))));

    assertEquals("download of model " + closed + " failed: could not connect to the server", e.getMessage());
  }

  @Test
  void unsupportedSchemeRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ModelSource("ftp://127.0.0.1/m.onnx", null));

    assertEquals("model location ftp://127.0.0.1/m.onnx uses an unsupported URL scheme; give a file path or an"
        + " http(s) URL", e.getMessage());
  }

  @Test
  void urlWithoutDigestRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ModelSource("https://example.org/m.onnx", null));

    assertEquals("model URL https://example.org/m.onnx needs a SHA-256 to check the download against", e.getMessage());
  }

  @Test
  void localDigestMismatchRejected() throws IOException {
    Path file = cache.resolve("local.onnx");
    Files.write(file, MODEL);
    String wrong = "a".repeat(64);

    IOException e = assertThrows(IOException.class,
        () -> new ModelStore(cache, true).resolve(new ModelSource(file.toString(), wrong)));

    assertEquals("model file " + file + " has SHA-256 " + Sha256.of(MODEL) + " but " + wrong + " was expected",
        e.getMessage());
  }
}
