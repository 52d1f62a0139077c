package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.preprocessor.atlas.Atlas;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.download.DownloadCache;
import io.github.bratsensemble.preprocessor.download.RemoteFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the preprocessing pipeline: resolves the atlas and the brain extraction model
 * (from explicit paths, or from the download cache), then runs {@link CasePreprocessor} on one case
 * or on many cases in parallel. Close it to release the model.
 */
public final class Preprocessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

  private final CasePreprocessor cases;
  private final NativeBrainExtractor extractor;

  private Preprocessor(CasePreprocessor cases, NativeBrainExtractor extractor) {
    this.cases = cases;
    this.extractor = extractor;
  }

  /**
   * Opens the pipeline with a brain extractor supplied by the caller (or none).
   *
   * @throws IOException if the atlas cannot be read or fetched
   */
  public static Preprocessor open(PreprocessOptions options, NativeBrainExtractor extractor, DicomSeries dicom)
      throws IOException {
    Atlas atlas = Atlas.read(resolveAtlas(options), options.atlasMask());
    return new Preprocessor(new CasePreprocessor(options, atlas, extractor, dicom), extractor);
  }

  /**
   * Opens the pipeline; for {@link BrainExtractionMethod#MINDGRAB} the model is {@code model}, or
   * the cached MindGrab model (downloaded first unless offline).
   */
  public static Preprocessor open(PreprocessOptions options, Path model) throws IOException {
    NativeBrainExtractor extractor = null;
    if (options.brainExtraction() == BrainExtractionMethod.MINDGRAB) {
      Path resolved = model != null ? model : resolveMindGrab(cache(options));
      extractor = MindGrabExtractor.open(resolved, cache(options).folder().resolve("models"), options.threads());
    }
    try {
      return open(options, extractor, new DicomSeries());
    } catch (IOException | RuntimeException e) {
      if (extractor != null) {
        extractor.close();
      }
      throw e;
    }
  }

  /**
   * Returns the default brain extraction: MindGrab when a model is given or already cached,
   * otherwise the atlas mask. The default never downloads the model.
   */
  public static BrainExtractionMethod defaultBrainExtraction(Path model, Path cacheDir) throws IOException {
    DownloadCache cache = new DownloadCache(cacheDir == null ? DownloadCache.defaultFolder() : cacheDir, true);
    if (model != null || (cache.isCached(RemoteFile.MINDGRAB_JSON) && cache.isCached(RemoteFile.MINDGRAB_WEIGHTS))) {
      return BrainExtractionMethod.MINDGRAB;
    }
    return BrainExtractionMethod.ATLAS;
  }

  /** Returns the atlas file: the configured one, or the cached SRI-24 atlas. */
  static Path resolveAtlas(PreprocessOptions options) throws IOException {
    if (options.atlasImage() != null) {
      return options.atlasImage();
    }
    return cache(options).resolve(RemoteFile.SRI24_T1);
  }

  /** Returns the folder of the cached MindGrab TensorFlow.js model, downloading it first unless the cache is offline. */
  public static Path resolveMindGrab(DownloadCache cache) throws IOException {
    cache.resolve(RemoteFile.MINDGRAB_WEIGHTS);
    return cache.resolve(RemoteFile.MINDGRAB_JSON).getParent();
  }

  private static DownloadCache cache(PreprocessOptions options) {
    Path folder = options.cacheDir() == null ? DownloadCache.defaultFolder() : options.cacheDir();
    return new DownloadCache(folder, options.offline());
  }

  /** Preprocesses one case into {@code outputRoot/<case id>}. */
  public CaseResult process(CaseInputs inputs, Path outputRoot) throws IOException {
    return cases.process(inputs, outputRoot);
  }

  /**
   * Preprocesses several cases, {@code jobs} at a time. A failed case does not stop the others;
   * its error is in its outcome.
   */
  public List<BatchOutcome> processAll(List<CaseInputs> inputs, Path outputRoot, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1 but was " + jobs);
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (CaseInputs in : inputs) {
        futures.add(pool.submit(() -> cases.process(in, outputRoot)));
      }
      List<BatchOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        String caseId = inputs.get(i).caseId();
        try {
          outcomes.add(new BatchOutcome(caseId, futures.get(i).get(), null));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          LOG.error("{}: {}", caseId, cause.getMessage());
          outcomes.add(new BatchOutcome(caseId, null, cause));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          outcomes.add(new BatchOutcome(caseId, null, e));
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The outcome of one case of a batch: a result, or the error that stopped it.
   *
   * @param result null when the case failed
   * @param error null when the case succeeded
   */
  public record BatchOutcome(String caseId, CaseResult result, Throwable error) {}

  @Override
  public void close() {
    if (extractor != null) {
      extractor.close();
    }
  }
}
