package io.github.bratsensemble.segmentor.staging;

import java.nio.file.Path;
import java.util.List;

/**
 * A case laid out for one container.
 *
 * @param outputDir host folder the container writes its result into
 * @param mounts every bind mount of the container; nothing else of the host is mounted
 */
public record StagedCase(Path outputDir, List<Mount> mounts) {
  public StagedCase {
    mounts = List.copyOf(mounts);
  }
}
