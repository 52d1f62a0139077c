package io.github.bratsensemble.segmentor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import io.github.bratsensemble.imaging.testing.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminates a process that runs a container with SIGTERM and checks that its shutdown hook removed the container. */
@Tag("docker")
class ShutdownRemovalTest {

  @Test
  void sigtermRemovesRunningContainers(@TempDir Path dir) throws Exception {
    DockerEngine available = DockerTestSupport.engineWithReferenceImage();
    DockerTestSupport.assumeAvailable();
    try (DockerEngine engine = available) {
      Path caseDir = TestData.require("brats2023-GLI-00001-000");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          ShutdownHookProbe.class.getName(), caseDir.toString(), dir.resolve("out").toString())
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String runId = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("run ")) {
            runId = line.substring(4);
            break;
          }
        }
        assertTrue(runId != null, "child printed no run id");
        Map<String, String> label = Map.of(ContainerSpec.LABEL_PREFIX + "run", runId);

        List<Container> running = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(200);
          running = engine.client().listContainersCmd().withLabelFilter(label).exec();
        }
        assertEquals(1, running.size(), "container of the child is running");

        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child exits after SIGTERM");
        List<Container> left = engine.client().listContainersCmd().withShowAll(true).withLabelFilter(label).exec();
        assertEquals(List.of(), left.stream().map(Container::getId).toList());
      } finally {
        child.destroyForcibly();
      }
    }
  }
}
