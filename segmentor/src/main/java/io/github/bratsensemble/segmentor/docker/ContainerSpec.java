package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.bratsensemble.segmentor.registry.DockerSettings;
import io.github.bratsensemble.segmentor.schedule.Device;
import io.github.bratsensemble.segmentor.staging.Mount;
import io.github.bratsensemble.segmentor.staging.StagedCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a container is created with: the staged mounts and nothing else of the host, no
 * network, the host user unless the image requires root, {@code /dev/shm} size, memory limit,
 * labels naming the run, and for a GPU one device request for exactly that GPU.
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    List<Mount> mounts,
    String user,
    long shmSizeBytes,
    long memoryLimitBytes,
    Device device,
    Map<String, String> labels) {

  /** Label prefix of every container this project creates. */
  public static final String LABEL_PREFIX = "io.github.bratsensemble.";

  public ContainerSpec {
    command = List.copyOf(command);
    mounts = List.copyOf(mounts);
    labels = Map.copyOf(labels);
  }

  /** Builds the spec of one algorithm run; {@code hostUser} is {@code uid:gid}, ignored when root is required. */
  public static ContainerSpec of(String algorithmId, DockerSettings settings, StagedCase staged, Device device,
      String hostUser, String runId, String caseId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_PREFIX + "run", runId);
    labels.put(LABEL_PREFIX + "algorithm", algorithmId);
    labels.put(LABEL_PREFIX + "case", caseId);
    String name = "brats-ensemble-" + runId + "-" + algorithmId;
    return new ContainerSpec(name, settings.image(), settings.effectiveCommand(), staged.mounts(),
        settings.requiresRoot() ? "0:0" : hostUser, settings.shmSizeBytes(), settings.memoryLimitBytes(),
        device, labels);
  }

  /** Returns the device requests: one NVIDIA GPU by index, or none for the CPU. */
  public List<DeviceRequest> deviceRequests() {
    if (!device.isGpu()) {
      return List.of();
    }
    return List.of(new DeviceRequest()
        .withDriver("nvidia")
        .withDeviceIds(List.of(Integer.toString(device.gpu().index())))
        .withCapabilities(List.of(List.of("gpu"))));
  }

  HostConfig hostConfig() {
    List<Bind> binds = new ArrayList<>();
    for (Mount mount : mounts) {
      binds.add(new Bind(mount.hostPath().toAbsolutePath().toString(), new Volume(mount.containerPath()),
          mount.readOnly() ? AccessMode.ro : AccessMode.rw));
    }
    HostConfig host = HostConfig.newHostConfig()
        .withBinds(binds)
        .withNetworkMode("none")
        .withAutoRemove(false)
        .withDeviceRequests(deviceRequests());
    if (shmSizeBytes > 0) {
      host.withShmSize(shmSizeBytes);
    }
    if (memoryLimitBytes > 0) {
      host.withMemory(memoryLimitBytes);
    }
    return host;
  }

  /** Creates the container (not started) and returns its id. */
  public String create(DockerClient client) {
    CreateContainerCmd cmd = client.createContainerCmd(image)
        .withName(name)
        .withUser(user)
        .withLabels(labels)
        .withNetworkDisabled(true)
        .withHostConfig(hostConfig());
    if (!command.isEmpty()) {
      cmd.withCmd(command);
    }
    return cmd.exec().getId();
  }
}
