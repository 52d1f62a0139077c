package io.github.bratsensemble.cli;

import io.github.bratsensemble.inference.models.ModelSource;
import io.github.bratsensemble.inference.models.ModelStore;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import java.io.IOException;
import java.nio.file.Files;
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
      description = "Cache folder for downloaded and converted models. Default: $BRATS_ENSEMBLE_CACHE, else the user's"
          + " cache folder, such as ~/.cache/brats-ensemble.")
  Path cacheDirectory;

  /**
   * Checks the options against the command's {@code --model} (null when not given) and returns
   * the ONNX Runtime options.
   *
   * @throws CommandLine.ParameterException if the thread count or device index is negative, the
   *     model is empty, the SHA-256 is malformed or given without a model, or the cache is a file
   */
  ExecutionOptions executionOptions(CommandSpec spec, String model) {
    if (model == null && modelSha256 != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model-sha256 needs --model");
    }
    if (model != null && model.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model needs a file path or URL but was empty");
    }
    if (modelSha256 != null && !ModelSource.isSha256(modelSha256)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--model-sha256 must be 64 hex digits but was " + modelSha256);
    }
    if (cacheDirectory != null && Files.exists(cacheDirectory) && !Files.isDirectory(cacheDirectory)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--cache-dir " + cacheDirectory + " is a file; a folder is required");
    }
    if (threads < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 0 or more but was " + threads);
    }
    if (gpu != null && gpu < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gpu must be 0 or more but was " + gpu);
    }
    return new ExecutionOptions(threads, gpu == null ? ExecutionOptions.CPU : gpu);
  }

  /** Returns the folder for converted and URL-downloaded models: {@code --cache-dir}, else the default model cache. */
  Path cache() {
    return cacheDirectory != null ? cacheDirectory : ModelStore.defaultCacheDirectory();
  }

  /**
   * Returns the local path of {@code model}, downloading a URL into the cache once.
   *
   * @throws CommandLine.ParameterException if the location or the SHA-256 is malformed, or a URL comes without a SHA-256
   */
  Path resolve(CommandSpec spec, String model) throws IOException {
    ModelSource source;
    try {
      source = new ModelSource(model, modelSha256);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model: " + e.getMessage());
    }
    return new ModelStore(cache(), offline).resolve(source);
  }
}
