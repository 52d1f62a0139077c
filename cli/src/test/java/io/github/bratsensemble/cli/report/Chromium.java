package io.github.bratsensemble.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless {@code chromium} for report tests. Tests are skipped when it is not on the
 * PATH, except when the environment variable {@code CI} is {@code true}, where they fail.
 */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;
  private final Path work;

  private Chromium(Path executable, Path work) {
    this.executable = executable;
    this.work = work;
  }

  /** Returns the browser, skipping (or on CI failing) the calling test when it is not installed. */
  static Chromium require(Path work) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return new Chromium(candidate, work);
        }
      }
    }
    String message = "chromium not found on PATH; install Debian's chromium package to render reports";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(false, message);
    return null;
  }

  /** Renders {@code page} and saves a screenshot of the given window size. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    run(page, "--screenshot=" + png, "--window-size=" + width + "," + height);
    assertTrue(Files.size(png) > 0, "chromium wrote no screenshot to " + png);
  }

  /** Renders {@code page} and returns the DOM after loading, serialised as HTML. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  private String run(Path page, String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path stdout = Files.createTempFile(work, "chromium", ".out");
    Path stderr = Files.createTempFile(work, "chromium", ".err");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    command.add(page.toUri().toString());
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
    }
    assertEquals(0, process.exitValue(), "chromium failed: " + Files.readString(stderr));
    return Files.readString(stdout);
  }
}
