package io.github.bratsensemble.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheFoldersTest {
  private static final Path HOME = Path.of("/home/user");

  @Test
  void projectVariableWinsOverXdg() {
    Map<String, String> environment = Map.of("BRATS_ENSEMBLE_CACHE", "/data/cache", "XDG_CACHE_HOME", "/xdg");

    assertEquals(Path.of("/data/cache"), CacheFolders.defaultRoot(environment, "Linux", HOME));
  }

  @Test
  void xdgCacheHomeIsUsedOnLinux() {
    assertEquals(Path.of("/xdg/brats-ensemble"), CacheFolders.defaultRoot(Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", HOME));
  }

  @Test
  void blankVariablesAreIgnored() {
    Map<String, String> environment = Map.of("BRATS_ENSEMBLE_CACHE", " ", "XDG_CACHE_HOME", "");

    assertEquals(HOME.resolve(".cache/brats-ensemble"), CacheFolders.defaultRoot(environment, "Linux", HOME));
  }

  @Test
  void macOsUsesLibraryCaches() {
    assertEquals(HOME.resolve("Library/Caches/brats-ensemble"), CacheFolders.defaultRoot(Map.of(), "Mac OS X", HOME));
  }

  @Test
  void windowsUsesLocalAppData() {
    Map<String, String> environment = Map.of("LOCALAPPDATA", "/appdata");

    assertEquals(Path.of("/appdata", "brats-ensemble", "cache"), CacheFolders.defaultRoot(environment, "Windows 11", HOME));
  }
}
