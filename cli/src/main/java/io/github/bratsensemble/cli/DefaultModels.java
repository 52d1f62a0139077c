package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.io.CacheFolders;
import io.github.bratsensemble.preprocessor.download.DownloadCache;
import io.github.bratsensemble.preprocessor.download.RemoteFile;
import io.github.bratsensemble.preprocessor.pipeline.Preprocessor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The published models that {@code brain-extract} and {@code tissue} use when no {@code --model}
 * is given, fetched on first use into the cache root ({@code --cache-dir} when given) and checked
 * by SHA-256.
 */
final class DefaultModels {
  private DefaultModels() {}

  /** Returns the folder of the cached MindGrab TensorFlow.js model, downloading it first unless offline. */
  static Path mindGrab(InferenceOptions options) throws IOException {
    return Preprocessor.resolveMindGrab(cache(options));
  }

  /** Returns the cached MeshNet grey/white-matter ONNX file, downloading it first unless offline. */
  static Path meshNet(InferenceOptions options) throws IOException {
    return cache(options).resolve(RemoteFile.MESHNET_GWM);
  }

  private static DownloadCache cache(InferenceOptions options) {
    Path root = options.cacheDirectory != null ? options.cacheDirectory : CacheFolders.defaultRoot();
    return new DownloadCache(root, options.offline);
  }
}
