package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;

/**
 * A connection to the Docker Engine API, configured like the docker CLI: {@code DOCKER_HOST},
 * {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}, else {@code unix:///var/run/docker.sock}.
 */
public final class DockerEngine implements AutoCloseable {
  private final DockerClient client;
  private final String host;

  private DockerEngine(DockerClient client, String host) {
    this.client = client;
    this.host = host;
  }

  /**
   * Connects and checks that the daemon responds to a ping.
   *
   * @throws DockerUnavailableException with an actionable message when it does not
   */
  public static DockerEngine connect() throws DockerUnavailableException {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
  }

  /** Connects to the daemon at {@code dockerHost}, such as {@code unix:///var/run/docker.sock}. */
  public static DockerEngine connect(String dockerHost) throws DockerUnavailableException {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build());
  }

  private static DockerEngine connect(DockerClientConfig config) throws DockerUnavailableException {
    DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(10))
        .build();
    DockerEngine engine = new DockerEngine(DockerClientImpl.getInstance(config, http), config.getDockerHost().toString());
    try {
      engine.client.pingCmd().exec();
    } catch (RuntimeException e) {
      engine.close();
      throw unavailable(engine.host, e);
    }
    return engine;
  }

  static DockerUnavailableException unavailable(String host, RuntimeException e) {
    String detail = String.valueOf(rootMessage(e));
    String advice;
    if (detail.contains("Permission denied") || detail.contains("EACCES")) {
      advice = "permission denied; add your user to the docker group or run as root";
    } else if (detail.contains("No such file") || detail.contains("Connection refused") || detail.contains("ENOENT")) {
      advice = "the Docker daemon is not running; start it (for example: sudo systemctl start docker) or set DOCKER_HOST";
    } else {
      advice = detail + "; check that the Docker daemon is running and DOCKER_HOST is correct";
    }
    return new DockerUnavailableException("cannot reach the Docker daemon at " + host + ": " + advice, e);
  }

  /**
   * Returns the innermost message of an exception chain; for Engine API errors, whose message is
   * {@code Status 500: {"message":"..."}}, only the daemon's message.
   */
  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root.getMessage() == null) {
      return root.getClass().getSimpleName();
    }
    java.util.regex.Matcher m = API_ERROR.matcher(root.getMessage().strip());
    return m.matches() ? m.group(1).replace("\\\"", "\"") : root.getMessage().strip();
  }

  private static final java.util.regex.Pattern API_ERROR =
      java.util.regex.Pattern.compile("Status \\d+: \\{\"message\":\"(.*)\"\\}", java.util.regex.Pattern.DOTALL);

  public DockerClient client() {
    return client;
  }

  /** Returns the daemon address, such as {@code unix:///var/run/docker.sock}. */
  public String host() {
    return host;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing the HTTP connection pool has nothing left to flush.
    }
  }
}
