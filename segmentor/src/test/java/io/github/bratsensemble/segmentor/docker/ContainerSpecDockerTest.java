package io.github.bratsensemble.segmentor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import io.github.bratsensemble.segmentor.staging.InputStager;
import io.github.bratsensemble.segmentor.staging.StagedCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creates containers without starting them and inspects what the engine recorded. */
@Tag("docker")
class ContainerSpecDockerTest {
  private static DockerEngine engine;

  @TempDir
  Path dir;

  @BeforeAll
  static void connect() {
    engine = DockerTestSupport.engineWithReferenceImage();
  }

  @BeforeEach
  void requireEngine() {
    DockerTestSupport.assumeAvailable();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private InspectContainerResponse createAndInspect(AlgorithmDescriptor descriptor, Device device) throws Exception {
    CaseInputs inputs = fakeCase();
    StagedCase staged = InputStager.stage(inputs, descriptor.docker(), dir.resolve("work"));
    ContainerSpec spec = ContainerSpec.of(descriptor.id(), descriptor.docker(), staged, device,
        HostUser.of(dir), "spec-test-" + System.nanoTime(), inputs.caseId());
    String id = spec.create(engine.client());
    try {
      return engine.client().inspectContainerCmd(id).exec();
    } finally {
      engine.client().removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Test
  void gpuContainerRequestsThatDevice() throws Exception {
    AlgorithmDescriptor descriptor = DockerTestSupport.reference("gpu-algo", "gz-b17", "/data", "", 60);
    Gpu gpu = new Gpu(2, "GPU-00000000-0000-0000-0000-000000000002", "Simulated", 80L << 30, 0);
    InspectContainerResponse inspected = createAndInspect(descriptor, Device.of(gpu));

    List<DeviceRequest> requests = inspected.getHostConfig().getDeviceRequests();
    assertEquals(1, requests.size());
    assertEquals("nvidia", requests.get(0).getDriver());
    assertEquals(List.of("2"), requests.get(0).getDeviceIds());
    assertEquals(List.of(List.of("gpu")), requests.get(0).getCapabilities());
    assertFalse(Boolean.TRUE.equals(inspected.getState().getRunning()));
  }

  @Test
  void cpuContainerRequestsNoDevice() throws Exception {
    AlgorithmDescriptor descriptor = DockerTestSupport.reference("cpu-algo", "gz-b17", "/data", "", 60);
    InspectContainerResponse inspected = createAndInspect(descriptor, Device.cpu());
    List<DeviceRequest> requests = inspected.getHostConfig().getDeviceRequests();
    assertEquals(0, requests == null ? 0 : requests.size());
  }

  @Test
  void containerIsIsolatedAndLimited() throws Exception {
    AlgorithmDescriptor descriptor = DockerTestSupport.reference("limits", "gz-b17", "/data", "--mode probe", 60);
    InspectContainerResponse inspected = createAndInspect(descriptor, Device.cpu());

    assertEquals("none", inspected.getHostConfig().getNetworkMode());
    assertEquals(HostUser.of(dir), inspected.getConfig().getUser());
    assertEquals(2L << 30, inspected.getHostConfig().getMemory());
    assertEquals(64L << 20, inspected.getHostConfig().getShmSize());
    assertEquals(List.of("--mode", "probe"), Arrays.asList(inspected.getConfig().getCmd()));
    assertEquals("limits", inspected.getConfig().getLabels().get(ContainerSpec.LABEL_PREFIX + "algorithm"));
  }

  @Test
  void onlyStagedPathsAreMounted() throws Exception {
    AlgorithmDescriptor descriptor = DockerTestSupport.reference("mounts", "gz-b17", "/data", "", 60);
    InspectContainerResponse inspected = createAndInspect(descriptor, Device.cpu());

    Path data = dir.resolve("work/data");
    Map<String, String> expected = Map.of(
        data.resolve("t1.nii.gz") + ":/data/t1.nii.gz", "ro",
        data.resolve("t1c.nii.gz") + ":/data/t1c.nii.gz", "ro",
        data.resolve("t2.nii.gz") + ":/data/t2.nii.gz", "ro",
        data.resolve("flair.nii.gz") + ":/data/flair.nii.gz", "ro",
        data.resolve("results") + ":/data/results", "rw");
    Bind[] binds = inspected.getHostConfig().getBinds();
    assertEquals(expected.size(), binds.length);
    for (Bind bind : binds) {
      String key = bind.getPath() + ":" + bind.getVolume().getPath();
      assertEquals(expected.get(key), bind.getAccessMode().toString(), key);
    }
    assertNull(inspected.getHostConfig().getPrivileged() == Boolean.TRUE ? "privileged" : null);
  }

  @Test
  void rootImageRunsAsRoot() throws Exception {
    AlgorithmDescriptor plain = DockerTestSupport.reference("root", "gz-b17", "/data", "", 60);
    AlgorithmDescriptor root = plain.withDocker(new io.github.bratsensemble.segmentor.registry.DockerSettings(
        plain.docker().image(), plain.docker().command(), plain.docker().input(), plain.docker().mountpoint(),
        plain.docker().outputPatterns(), plain.docker().subjectNaming(), 0, 0, true, true,
        plain.docker().timeout()));
    assertEquals("0:0", createAndInspect(root, Device.cpu()).getConfig().getUser());
  }

  private CaseInputs fakeCase() throws Exception {
    Path caseDir = Files.createDirectories(dir.resolve("case"));
    Path[] files = new Path[4];
    String[] names = {"t1", "t1c", "t2", "flair"};
    for (int i = 0; i < 4; i++) {
      files[i] = Files.write(caseDir.resolve(names[i] + ".nii.gz"), new byte[] {0x1f, (byte) 0x8b, 0});
    }
    return new CaseInputs("case", files[0], files[1], files[2], files[3], Grid.BRATS);
  }
}
