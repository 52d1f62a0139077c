package io.github.bratsensemble.segmentor.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The numeric user and group of this process, as {@code uid:gid} for a container's user. */
public final class HostUser {
  private HostUser() {}

  /**
   * Returns {@code uid:gid} of files this process creates, found by creating one in {@code dir};
   * Linux gives new files the effective uid and, outside setgid folders, the effective gid.
   */
  public static String of(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, ".uid-", ".tmp");
    try {
      Object uid = Files.getAttribute(probe, "unix:uid");
      Object gid = Files.getAttribute(probe, "unix:gid");
      return uid + ":" + gid;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      throw new IOException("cannot determine the user id on this file system (" + dir + "); set requiresRoot for this algorithm", e);
    } finally {
      Files.deleteIfExists(probe);
    }
  }
}
