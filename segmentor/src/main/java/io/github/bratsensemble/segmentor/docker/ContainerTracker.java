package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers of one run that still exist. A JVM shutdown hook (Ctrl-C, SIGTERM, normal exit)
 * removes all of them; {@link #close()} removes the hook. Thread-safe.
 */
public final class ContainerTracker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerTracker.class);

  private final DockerClient client;
  private final Set<String> containerIds = ConcurrentHashMap.newKeySet();
  private final Thread hook;

  public ContainerTracker(DockerClient client) {
    this.client = client;
    this.hook = new Thread(this::removeAll, "segmentor-container-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public void add(String containerId) {
    containerIds.add(containerId);
  }

  /** Force-removes one container, killing it if it runs, and stops tracking it. A container that is already gone counts as removed. */
  public void remove(String containerId) {
    try {
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
      LOG.debug("removed container {}", containerId);
    } catch (NotFoundException e) {
      LOG.debug("container {} was already removed", containerId);
    } catch (RuntimeException e) {
      LOG.warn("removing container {} failed: {}", containerId, e.getMessage());
      return;
    }
    containerIds.remove(containerId);
  }

  /** Removes every container still tracked. */
  public void removeAll() {
    for (String id : List.copyOf(containerIds)) {
      LOG.info("removing container {} of an interrupted run", id);
      remove(id);
    }
  }

  /** Returns the ids of containers created and not yet removed. */
  public Set<String> live() {
    return Set.copyOf(containerIds);
  }

  @Override
  public void close() {
    removeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running.
    }
  }
}
