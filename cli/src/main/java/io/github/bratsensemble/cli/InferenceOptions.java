package io.github.bratsensemble.cli;

import io.github.bratsensemble.inference.models.ModelSource;
import io.github.bratsensemble.inference.models.ModelStore;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the commands that run one model in-process: cache, downloads, threads and GPU. */
public final class InferenceOptions {
  @Option(names = "--model-sha256", paramLabel = "HEX", description = "Expected SHA-256 of the model file.")
  String modelSha256;

  @Option(names = "--offline", description = "Never download: a model URL must already be in the cache.")
  boolean offline;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "ONNX Runtime intra-op threads; 0 uses one per core (default).")
  int threads;

  @Option(names = "--gpu", paramLabel = "DEVICE",
      description = "CUDA device index; falls back to the CPU with a warning when CUDA cannot be used.")
  Integer gpu;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Folder for converted and downloaded models (default: models in the cache root, $BRATS_ENSEMBLE_CACHE or"
          + " ~/.cache/brats-ensemble).")
  Path cacheDirectory;

  /**
   * Returns the ONNX Runtime options.
   *
   * @throws CommandLine.ParameterException if the thread count or device index is negative
   */
  ExecutionOptions executionOptions(CommandSpec spec) {
    if (threads < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 0 or more but was " + threads);
    }
    if (gpu != null && gpu < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gpu must be 0 or more but was " + gpu);
    }
    return new ExecutionOptions(threads, gpu == null ? ExecutionOptions.CPU : gpu);
  }

  /** Returns the cache folder for models. */
  Path cache() {
    return cacheDirectory != null ? cacheDirectory : ModelStore.defaultCacheDirectory();
  }

  /** Returns the local path of {@code model}, downloading a URL into the cache once. */
  Path resolve(String model) throws IOException {
    return new ModelStore(cache(), offline).resolve(new ModelSource(model, modelSha256));
  }
}
