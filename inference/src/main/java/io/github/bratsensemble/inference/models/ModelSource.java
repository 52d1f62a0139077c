package io.github.bratsensemble.inference.models;

import java.util.Locale;

/**
 * The location of a model file: a local path, or an http(s) URL downloaded on first use.
 *
 * @param location a file path or an {@code http://} / {@code https://} URL
 * @param sha256 expected SHA-256 of the file as 64 hex digits; required for URLs, optional (may be
 *     {@code null}) for local paths
 */
public record ModelSource(String location, String sha256) {

  public ModelSource {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("model location is required");
    }
    if (!isRemote(location) && location.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
      throw new IllegalArgumentException("model location " + location
          + " uses an unsupported URL scheme; give a file path or an http(s) URL");
    }
    if (sha256 != null) {
      sha256 = sha256.toLowerCase(Locale.ROOT);
      if (!isSha256(sha256)) {
        throw new IllegalArgumentException("SHA-256 of model " + location + " must be 64 hex digits but was " + sha256);
      }
    }
    if (isRemote(location) && sha256 == null) {
      throw new IllegalArgumentException("model URL " + location + " needs a SHA-256 to check the download against");
    }
  }

  /** Returns whether {@code text} is a SHA-256 digest: 64 hex digits, either case. */
  public static boolean isSha256(String text) {
    return text.matches("[0-9a-fA-F]{64}");
  }

  public boolean isRemote() {
    return isRemote(location);
  }

  private static boolean isRemote(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
