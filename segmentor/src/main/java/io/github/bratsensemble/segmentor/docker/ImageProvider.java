package io.github.bratsensemble.segmentor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure an image is present locally, pulling it once when it is missing. Thread-safe. */
public final class ImageProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ImageProvider.class);

  private final DockerClient client;
  private final Consumer<String> progress;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /** @param progress receives one line per pull status change, for the user */
  public ImageProvider(DockerClient client, Consumer<String> progress) {
    this.client = client;
    this.progress = progress;
  }

  /**
   * Returns when {@code image} is present locally.
   *
   * @throws IOException naming the image and the reason when it is missing and cannot be pulled
   */
  public void ensure(String image) throws IOException, InterruptedException {
    synchronized (locks.computeIfAbsent(image, key -> new Object())) {
      if (isPresent(image)) {
        return;
      }
      pull(image);
    }
  }

  /**
   * Returns whether {@code image} is present locally; never pulls.
   *
   * @throws IOException when the engine cannot be asked
   */
  public boolean isPresent(String image) throws IOException {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw DockerEngine.unavailable("the configured host", e);
    }
  }

  private void pull(String image) throws IOException, InterruptedException {
    LOG.info("pulling image {}", image);
    progress.accept("pulling " + image);
    ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
      private String lastLine = "";

      @Override
      public void onNext(PullResponseItem item) {
        String line = item.getStatus() == null ? "" : item.getStatus()
            + (item.getId() == null ? "" : " " + item.getId())
            + (item.getProgress() == null ? "" : " " + item.getProgress());
        if (!line.isEmpty() && !line.equals(lastLine) && item.getProgressDetail() == null) {
          progress.accept(image + ": " + line);
        }
        lastLine = line;
      }
    };
    try {
      client.pullImageCmd(image).exec(callback).awaitCompletion();
    } catch (NotFoundException e) {
      throw new IOException("image " + image + " is not present locally and the registry does not have it: "
          + DockerEngine.rootMessage(e) + "; check the image name in the algorithm registry", e);
    } catch (DockerClientException | com.github.dockerjava.api.exception.DockerException e) {
      throw new IOException("image " + image + " is not present locally and pulling it failed: "
          + DockerEngine.rootMessage(e).strip() + "; check network access to the registry, or load the image with docker load", e);
    } catch (RuntimeException e) {
      throw DockerEngine.unavailable("the configured host", e);
    }
    if (!isPresent(image)) {
      throw new IOException("image " + image + " is not present locally and pulling it failed"
          + "; check network access to the registry, or load the image with docker load");
    }
    LOG.info("pulled image {}", image);
  }
}
