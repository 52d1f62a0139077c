package io.github.bratsensemble.segmentor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineTest {

  @Test
  void missingSocketGivesAdvice(@TempDir Path dir) {
    String host = "unix://" + dir.resolve("docker.sock");
    DockerUnavailableException e = assertThrows(DockerUnavailableException.class, () -> DockerEngine.connect(host));
    assertEquals("cannot reach the Docker daemon at " + host + ": the Docker daemon is not running; start it"
        + " (for example: sudo systemctl start docker) or set DOCKER_HOST", e.getMessage());
  }

  @Test
  void apiErrorMessageUnwrapped() {
    RuntimeException e = new RuntimeException("Status 500: {\"message\":\"Get \\\"http://localhost:1/v2/\\\": refused\"}\n");
    assertEquals("Get \"http://localhost:1/v2/\": refused", DockerEngine.rootMessage(e));
  }

  @Test
  void permissionDeniedGivesAdvice() {
    RuntimeException e = new RuntimeException(new java.io.IOException("connect: Permission denied"));
    assertEquals("cannot reach the Docker daemon at unix:///var/run/docker.sock: permission denied; add your user"
        + " to the docker group or run as root", DockerEngine.unavailable("unix:///var/run/docker.sock", e).getMessage());
  }
}
