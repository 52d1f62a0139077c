package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;

/**
 * The connection, image cache, container tracker and settings shared by every container of one run.
 *
 * @param runId unique id of the run, part of container names and labels
 * @param logsDir folder receiving {@code <algorithm id>.log} with each container's stdout and stderr
 * @param hostUser {@code uid:gid} the containers run as unless an image requires root
 */
public record DockerContext(
    DockerClient client, ImageProvider images, ContainerTracker tracker, String runId, Path logsDir, String hostUser) {}
