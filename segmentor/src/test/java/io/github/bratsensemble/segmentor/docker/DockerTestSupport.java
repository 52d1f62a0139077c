package io.github.bratsensemble.segmentor.docker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmRegistry;
import io.github.bratsensemble.segmentor.registry.RegistryException;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Connects integration tests to the local Docker engine and the reference image. Without an
 * engine or image the test is skipped with a message, except when {@code CI=true}, where it fails.
 */
final class DockerTestSupport {
  static final String REFERENCE_IMAGE = "brats-ensemble/reference:latest";

  private DockerTestSupport() {}

  private static String unavailableReason;

  /**
   * Returns a connected engine that has the reference image, or {@code null} when there is none;
   * tests then call {@link #assumeAvailable()} so each of them is reported as skipped with the
   * reason. On CI a missing engine or image fails at once.
   */
  static DockerEngine engineWithReferenceImage() {
    boolean testcontainersSeesEngine;
    try {
      testcontainersSeesEngine = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      testcontainersSeesEngine = false;
    }
    if (!testcontainersSeesEngine) {
      return unavailable("no Docker engine reachable (Testcontainers found none); start dockerd to run this test");
    }
    DockerEngine engine = null;
    try {
      engine = DockerEngine.connect();
      engine.client().inspectImageCmd(REFERENCE_IMAGE).exec();
      unavailableReason = null;
      return engine;
    } catch (DockerUnavailableException e) {
      return unavailable(e.getMessage());
    } catch (NotFoundException e) {
      engine.close();
      return unavailable("image " + REFERENCE_IMAGE + " not found; build it with .ci/docker-images.sh");
    }
  }

  private static DockerEngine unavailable(String reason) {
    unavailableReason = reason;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(reason);
    }
    return null;
  }

  /** Skips the calling test with the reason recorded by {@link #engineWithReferenceImage()}. */
  static void assumeAvailable() {
    assumeTrue(unavailableReason == null, unavailableReason);
  }

  /** Returns a {@code docker} registry entry for the reference image. */
  static AlgorithmDescriptor reference(String id, String input, String mountpoint, String command, int timeoutSeconds)
      throws RegistryException {
    String json = "{\"algorithms\": [{"
        + "\"id\": \"" + id + "\", \"name\": \"reference " + id + "\", \"authors\": [\"brats-ensemble\"],"
        + "\"citation\": \"\", \"year\": 2026, \"task\": \"glioma\", \"kind\": \"docker\","
        + "\"labels\": \"brats2021\", \"gpu\": \"none\", \"enabled\": true,"
        + "\"image\": \"" + REFERENCE_IMAGE + "\", \"input\": \"" + input + "\","
        + "\"mountpoint\": \"" + mountpoint + "\", \"command\": \"" + command + "\","
        + "\"memoryLimit\": \"2g\", \"shmSize\": \"64m\", \"timeout\": " + timeoutSeconds + "}]}";
    return AlgorithmRegistry.parse(Path.of("test-registry.json"), json).all().get(0);
  }
}
