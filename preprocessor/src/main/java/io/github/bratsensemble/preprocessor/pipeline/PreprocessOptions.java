package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.intensity.NormalizationMethod;
import io.github.bratsensemble.preprocessor.registration.TransformType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one preprocessing run. Build with {@link #builder()}; the defaults are those of the
 * {@code preprocess} command.
 *
 * @param center the sequence the others are registered to [t1c]
 * @param reorient whether images are stored in RAS order before processing [true]
 * @param coRegistration whether the other sequences are registered rigidly to the centre [true]
 * @param atlasRegistration whether the centre is registered to the atlas [true]; when false the
 *     native world coordinates are taken as atlas coordinates
 * @param atlasTransform rigid [default] or affine registration to the atlas
 * @param brainExtraction the brain extraction method [atlas; {@link
 *     Preprocessor#defaultBrainExtraction} picks mindgrab when a model is available]
 * @param interpolation interpolation of the one resampling into BraTS space [bspline]
 * @param biasCorrection whether a smooth multiplicative bias field is removed [false]
 * @param normalization intensity normalisation inside the brain mask [none]
 * @param deface whether defaced native full-head images are written [false]
 * @param atlasImage the atlas T1, or {@code null} for the cached SRI-24 atlas
 * @param atlasMask the atlas brain mask, or {@code null} for voxels above 0
 * @param cacheDir the download cache folder
 * @param offline whether downloads are forbidden
 * @param force whether a case with a complete manifest is processed again [false]
 * @param threads worker threads per case for resampling and registration
 * @param toolVersion the version recorded in manifests
 */
public record PreprocessOptions(
    Sequence center,
    boolean reorient,
    boolean coRegistration,
    boolean atlasRegistration,
    TransformType atlasTransform,
    BrainExtractionMethod brainExtraction,
    Interpolation interpolation,
    boolean biasCorrection,
    NormalizationMethod normalization,
    boolean deface,
    Path atlasImage,
    Path atlasMask,
    Path cacheDir,
    boolean offline,
    boolean force,
    int threads,
    String toolVersion) {

  public PreprocessOptions {
    if (interpolation != Interpolation.LINEAR && interpolation != Interpolation.BSPLINE) {
      throw new IllegalArgumentException("interpolation into BraTS space must be linear or bspline but was "
          + interpolation.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.center = center;
    b.reorient = reorient;
    b.coRegistration = coRegistration;
    b.atlasRegistration = atlasRegistration;
    b.atlasTransform = atlasTransform;
    b.brainExtraction = brainExtraction;
    b.interpolation = interpolation;
    b.biasCorrection = biasCorrection;
    b.normalization = normalization;
    b.deface = deface;
    b.atlasImage = atlasImage;
    b.atlasMask = atlasMask;
    b.cacheDir = cacheDir;
    b.offline = offline;
    b.force = force;
    b.threads = threads;
    b.toolVersion = toolVersion;
    return b;
  }

  /** Returns the settings that shape the outputs, for the manifest (paths of caches excluded). */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("center", center.suffix());
    m.put("reorient", reorient);
    m.put("coRegistration", coRegistration);
    m.put("atlasRegistration", atlasRegistration);
    m.put("atlasTransform", atlasTransform.name().toLowerCase(java.util.Locale.ROOT));
    m.put("brainExtraction", brainExtraction.optionName());
    m.put("interpolation", interpolation.name().toLowerCase(java.util.Locale.ROOT));
    m.put("biasCorrection", biasCorrection);
    m.put("normalization", normalization.optionName());
    m.put("deface", deface);
    m.put("atlas", atlasImage == null ? "sri24" : atlasImage.toString());
    m.put("atlasMask", atlasMask == null ? null : atlasMask.toString());
    return m;
  }

  /** Mutable builder of {@link PreprocessOptions}. */
  public static final class Builder {
    private Sequence center = Sequence.T1C;
    private boolean reorient = true;
    private boolean coRegistration = true;
    private boolean atlasRegistration = true;
    private TransformType atlasTransform = TransformType.RIGID;
    private BrainExtractionMethod brainExtraction = BrainExtractionMethod.ATLAS;
    private Interpolation interpolation = Interpolation.BSPLINE;
    private boolean biasCorrection;
    private NormalizationMethod normalization = NormalizationMethod.NONE;
    private boolean deface;
    private Path atlasImage;
    private Path atlasMask;
    private Path cacheDir;
    private boolean offline;
    private boolean force;
    private int threads = Runtime.getRuntime().availableProcessors();
    private String toolVersion = "development build";

    private Builder() {}

    public Builder center(Sequence value) {
      center = value;
      return this;
    }

    public Builder reorient(boolean value) {
      reorient = value;
      return this;
    }

    public Builder coRegistration(boolean value) {
      coRegistration = value;
      return this;
    }

    public Builder atlasRegistration(boolean value) {
      atlasRegistration = value;
      return this;
    }

    public Builder atlasTransform(TransformType value) {
      atlasTransform = value;
      return this;
    }

    public Builder brainExtraction(BrainExtractionMethod value) {
      brainExtraction = value;
      return this;
    }

    public Builder interpolation(Interpolation value) {
      interpolation = value;
      return this;
    }

    public Builder biasCorrection(boolean value) {
      biasCorrection = value;
      return this;
    }

    public Builder normalization(NormalizationMethod value) {
      normalization = value;
      return this;
    }

    public Builder deface(boolean value) {
      deface = value;
      return this;
    }

    public Builder atlasImage(Path value) {
      atlasImage = value;
      return this;
    }

    public Builder atlasMask(Path value) {
      atlasMask = value;
      return this;
    }

    public Builder cacheDir(Path value) {
      cacheDir = value;
      return this;
    }

    public Builder offline(boolean value) {
      offline = value;
      return this;
    }

    public Builder force(boolean value) {
      force = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder toolVersion(String value) {
      toolVersion = value;
      return this;
    }

    public PreprocessOptions build() {
      return new PreprocessOptions(center, reorient, coRegistration, atlasRegistration, atlasTransform,
          brainExtraction, interpolation, biasCorrection, normalization, deface, atlasImage, atlasMask,
          cacheDir, offline, force, threads, toolVersion);
    }
  }
}
