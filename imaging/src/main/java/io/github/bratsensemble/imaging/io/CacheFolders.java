package io.github.bratsensemble.imaging.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The default root folder for files fetched on first use (atlases, models), shared by every
 * module so that one environment variable moves the whole cache.
 */
public final class CacheFolders {
  /** Environment variable that sets the cache root. */
  public static final String VARIABLE = "BRATS_ENSEMBLE_CACHE";

  private CacheFolders() {}

  /**
   * Returns the cache root: {@code $BRATS_ENSEMBLE_CACHE} when set, else
   * {@code $XDG_CACHE_HOME/brats-ensemble}, else {@code ~/Library/Caches/brats-ensemble} on macOS,
   * {@code %LOCALAPPDATA%\brats-ensemble\cache} on Windows and {@code ~/.cache/brats-ensemble}
   * elsewhere.
   */
  public static Path defaultRoot() {
    return defaultRoot(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
  }

  static Path defaultRoot(Map<String, String> environment, String osName, Path home) {
    String configured = environment.get(VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "brats-ensemble");
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return home.resolve("Library/Caches/brats-ensemble");
    }
    String localAppData = environment.get("LOCALAPPDATA");
    if (os.contains("win") && localAppData != null && !localAppData.isBlank()) {
      return Path.of(localAppData, "brats-ensemble", "cache");
    }
    return home.resolve(".cache/brats-ensemble");
  }
}
