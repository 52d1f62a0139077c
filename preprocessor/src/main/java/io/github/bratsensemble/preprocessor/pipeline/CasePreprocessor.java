package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.atlas.Atlas;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.intensity.BiasFieldCorrection;
import io.github.bratsensemble.preprocessor.intensity.IntensityNormalization;
import io.github.bratsensemble.preprocessor.intensity.NormalizationMethod;
import io.github.bratsensemble.preprocessor.manifest.Checksums;
import io.github.bratsensemble.preprocessor.manifest.Manifest;
import io.github.bratsensemble.preprocessor.manifest.ManifestFile;
import io.github.bratsensemble.preprocessor.qc.NormalizedMutualInformation;
import io.github.bratsensemble.preprocessor.qc.QcImages;
import io.github.bratsensemble.preprocessor.registration.RegistrationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preprocesses one case: raw sequences in, four co-registered skull-stripped volumes on the BraTS
 * grid out, with native-space masks, transforms, QC pictures and a manifest.
 *
 * <p>Steps, each switchable through {@link PreprocessOptions}:
 * <ol>
 *   <li>read and check the inputs; store them in RAS order (exact, no interpolation);
 *   <li>register the other sequences rigidly to the centre sequence at native resolution;
 *   <li>brain extraction on the centre sequence in native space (MindGrab, or none for
 *       skull-stripped inputs);
 *   <li>register the centre sequence's brain to the atlas (rigid or affine); with atlas brain
 *       extraction the whole head is registered inside the atlas brain mask, and the mask is then
 *       carried back to native space;
 *   <li>resample every sequence once into BraTS space through the composed transform (cubic
 *       B-spline or linear), clamp to the input's value range and apply the brain mask;
 *   <li>optional bias-field correction and intensity normalisation inside the brain mask;
 *   <li>native-space skull-stripped images and masks on each input's own grid; optional defacing;
 *   <li>QC pictures, then the manifest.
 * </ol>
 *
 * <p>Outputs are written into a hidden staging folder that replaces the case folder only when the
 * manifest, written last, is in place ({@link CaseStaging}). Instances may process several cases
 * at once when the brain extractor allows concurrent calls.
 */
public final class CasePreprocessor {
  private static final Logger LOG = LoggerFactory.getLogger(CasePreprocessor.class);

  private final PreprocessOptions options;
  private final Atlas atlas;
  private final NativeBrainExtractor extractor;
  private final DicomSeries dicom;
  /** The atlas and its mask on the BraTS grid, made on first use and shared by every case. */
  private FloatVolume atlasImageOnBrats;
  private LabelVolume atlasMaskOnBrats;

  /**
   * @param atlas the registration target; its world space is BraTS space
   * @param extractor the model for {@link BrainExtractionMethod#MINDGRAB}; may be null otherwise
   * @param dicom the DICOM converter for series folders
   */
  public CasePreprocessor(PreprocessOptions options, Atlas atlas, NativeBrainExtractor extractor, DicomSeries dicom) {
    if (options.brainExtraction() == BrainExtractionMethod.MINDGRAB && extractor == null) {
      throw new IllegalArgumentException("brain extraction mindgrab needs a brain extraction model");
    }
    this.options = options;
    this.atlas = atlas;
    this.extractor = extractor;
    this.dicom = dicom;
  }

  /**
   * Preprocesses {@code inputs} into {@code outputRoot/<case id>}; a case whose folder already
   * contains a complete manifest is skipped unless {@link PreprocessOptions#force()} is set.
   *
   * @throws IOException if an input is unusable, a step fails or an output cannot be written; the
   *     case folder is then left as it was
   */
  public CaseResult process(CaseInputs inputs, Path outputRoot) throws IOException {
    String caseId = inputs.caseId();
    Path target = outputRoot.resolve(caseId);
    if (!options.force() && ManifestFile.isComplete(target)) {
      LOG.info("{}: complete manifest found in {}, skipping (use --force to redo)", caseId, target);
      return new CaseResult(caseId, target, true, ManifestFile.read(target));
    }
    CaseStaging staging = CaseStaging.begin(outputRoot, caseId);
    try {
      Manifest manifest = run(inputs, staging);
      Path folder = staging.commit();
      return new CaseResult(caseId, folder, false, manifest);
    } catch (IOException | RuntimeException e) {
      staging.abort();
      throw e;
    }
  }

  private Manifest run(CaseInputs inputs, CaseStaging staging) throws IOException {
    String id = inputs.caseId();
    Sequence center = options.center();
    int threads = options.threads();
    StepTimer timer = new StepTimer(LOG, id);
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Manifest.RegistrationRecord> registrations = new LinkedHashMap<>();

    Map<Sequence, LoadedSequence> loaded = timer.time("load", () -> {
      Map<Sequence, LoadedSequence> result = CaseLoader.load(
          inputs, staging.folder().resolve(CaseLayout.NATIVE_FOLDER), dicom, options.reorient());
      CaseLoader.checkPositions(result, center);
      return result;
    });
    FloatVolume centerImage = loaded.get(center).working();

    Map<Sequence, AffineTransform> toCenter = timer.time("co-registration",
        () -> coRegisterAll(id, loaded, staging, registrations, outputs));

    BrainExtractionMethod method = options.brainExtraction();
    LabelVolume nativeMask = timer.time("brain extraction", () -> switch (method) {
      case NONE -> Masks.above(centerImage, 0f);
      case MINDGRAB -> requireBrain(extractor.extract(centerImage), extractor.name(), loaded.get(center));
      case ATLAS -> null;
    });

    // Atlas registration: the transform maps atlas (BraTS) points to centre-sequence points.
    AffineTransform toAtlas = timer.time("atlas registration", () -> {
      if (!options.atlasRegistration()) {
        return AffineTransform.identity();
      }
      FloatVolume moving = nativeMask == null ? centerImage : centerImage.masked(nativeMask);
      LabelVolume fixedMask = nativeMask == null ? atlas.brainMask() : null;
      RegistrationResult r = CaseRegistration.toAtlas(atlas.image(), fixedMask, moving,
          options.atlasTransform(), center + " to the atlas", threads);
      registrations.put(center.suffix() + "_to_atlas", record("atlas", center.suffix(),
          options.atlasTransform().name().toLowerCase(Locale.ROOT), r, CaseLayout.toAtlas(id, center)));
      return r.transform();
    });

    LabelVolume centerMask = nativeMask != null
        ? nativeMask
        : timer.time("atlas brain mask", () -> requireBrain(Resampler.resampleLabels(atlas.brainMask(),
            centerImage.grid(), toAtlas.inverse(), Interpolation.LABEL, 0, threads), "the atlas", loaded.get(center)));

    // Brain mask in BraTS space: the atlas mask itself, or the native mask carried forward.
    LabelVolume bratsMask = method == BrainExtractionMethod.ATLAS
        ? atlasMaskOnBrats()
        : Resampler.resampleLabels(centerMask, Grid.BRATS, toAtlas, Interpolation.LABEL, 0, threads);
    if (Masks.count(bratsMask) == 0) {
      throw new PreprocessingException("the brain of " + loaded.get(center).niftiFile() + " lies outside the BraTS"
          + " grid after registration to the atlas " + atlas.source() + "; check the atlas and the --atlas-transform");
    }
    Nifti.writeLabels(staging.resolve(CaseLayout.brainMask(id)), bratsMask);
    outputs.put("brain_mask", CaseLayout.brainMask(id));

    Map<Sequence, FloatVolume> brats = timer.time("resampling",
        () -> resampleIntoBrats(id, loaded, toCenter, toAtlas, bratsMask, staging, outputs));

    Map<String, Manifest.NmiCheck> nmi = timer.time("alignment check", () -> alignmentCheck(
        loaded, toCenter, toAtlas, brats.get(center), bratsMask));

    if (options.biasCorrection()) {
      timer.time("bias correction", () -> {
        for (Sequence s : Sequence.values()) {
          brats.put(s, BiasFieldCorrection.correct(brats.get(s), bratsMask, threads));
        }
        return null;
      });
    }
    if (options.normalization() != NormalizationMethod.NONE) {
      timer.time("normalisation", () -> {
        for (Sequence s : Sequence.values()) {
          brats.put(s, IntensityNormalization.apply(brats.get(s), bratsMask, options.normalization()));
        }
        return null;
      });
    }

    timer.time("write BraTS space", () -> {
      for (Sequence s : Sequence.values()) {
        String file = CaseLayout.bratsImage(id, s);
        Nifti.writeFloat(staging.resolve(file), brats.get(s));
        outputs.put(s.suffix(), file);
      }
      return null;
    });

    timer.time("native outputs", () -> {
      writeNative(id, loaded, toCenter, centerMask, staging, outputs);
      return null;
    });

    if (options.deface()) {
      timer.time("defacing", () -> {
        NativeDefacing.write(id, loaded, toCenter, toAtlas, atlas, centerMask, staging, outputs, threads);
        return null;
      });
    }

    timer.time("qc", () -> {
      List<FloatVolume> rows = new ArrayList<>();
      for (Sequence s : Sequence.values()) {
        rows.add(brats.get(s));
      }
      QcImages.writePng(staging.resolve(CaseLayout.qcMontage(id)), QcImages.montage(rows, bratsMask));
      FloatVolume atlasOnBrats = atlasImageOnBrats();
      QcImages.writePng(staging.resolve(CaseLayout.qcCheckerboard(id)),
          QcImages.checkerboard(brats.get(center), atlasOnBrats, bratsMask));
      outputs.put("qc/montage", CaseLayout.qcMontage(id));
      outputs.put("qc/checkerboard", CaseLayout.qcCheckerboard(id));
      return null;
    });

    Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.COMPLETE, id, options.toolVersion(),
        Instant.now().toString(), center.suffix(), method.optionName(), inputRecords(loaded),
        atlasRecord(), options.describe(), timer.steps(), registrations, nmi, outputs);
    ManifestFile.write(staging.folder(), manifest);
    return manifest;
  }

  /**
   * Registers every sequence but the centre one rigidly to the centre sequence and writes the
   * transforms; each maps centre-sequence points to the other sequence.
   */
  private Map<Sequence, AffineTransform> coRegisterAll(String id, Map<Sequence, LoadedSequence> loaded,
      CaseStaging staging, Map<String, Manifest.RegistrationRecord> registrations, Map<String, String> outputs)
      throws IOException {
    Sequence center = options.center();
    FloatVolume centerImage = loaded.get(center).working();
    Map<Sequence, AffineTransform> result = new EnumMap<>(Sequence.class);
    for (Sequence s : Sequence.values()) {
      if (s == center || !options.coRegistration()) {
        result.put(s, AffineTransform.identity());
        continue;
      }
      RegistrationResult r = CaseRegistration.coRegister(
          centerImage, loaded.get(s).working(), s + " to " + center, options.threads());
      result.put(s, r.transform());
      String file = CaseLayout.coRegistration(id, s, center);
      AntsTransformFile.write(staging.resolve(file), r.transform());
      registrations.put(s.suffix() + "_to_" + center.suffix(), record(center.suffix(), s.suffix(), "rigid", r, file));
      outputs.put("transforms/" + s.suffix() + "_to_" + center.suffix(), file);
    }
    return result;
  }

  /**
   * Resamples every sequence once into BraTS space through its composed transform, clamps to the
   * input's value range, applies the brain mask and writes the composed transforms.
   */
  private Map<Sequence, FloatVolume> resampleIntoBrats(String id, Map<Sequence, LoadedSequence> loaded,
      Map<Sequence, AffineTransform> toCenter, AffineTransform toAtlas, LabelVolume bratsMask, CaseStaging staging,
      Map<String, String> outputs) throws IOException {
    // Only the brain's bounding box is interpolated, because everything outside the mask becomes 0.
    Grid brainBox = Masks.boundingBox(bratsMask);
    Map<Sequence, FloatVolume> result = new EnumMap<>(Sequence.class);
    for (Sequence s : Sequence.values()) {
      AffineTransform composed = toCenter.get(s).after(toAtlas);
      FloatVolume source = loaded.get(s).working();
      FloatVolume box = Resampler.resample(source, brainBox, composed, options.interpolation(), 0f, options.threads());
      FloatVolume resampled = Masks.paste(box, Grid.BRATS);
      float[] range = source.range();
      Masks.clamp(resampled.voxelArray(), range[0], range[1]);
      result.put(s, resampled.masked(bratsMask));
      String file = CaseLayout.toAtlas(id, s);
      AntsTransformFile.write(staging.resolve(file), composed);
      outputs.put("transforms/" + s.suffix() + "_to_atlas", file);
    }
    return result;
  }

  /**
   * Measures, for each co-registered sequence, the normalised mutual information with the centre
   * sequence inside the BraTS brain mask: with header alignment only and with the registration.
   * Both use linear interpolation, so only the alignment differs, on every second BraTS voxel
   * along each axis, which keeps the check to an eighth of the voxels.
   */
  private Map<String, Manifest.NmiCheck> alignmentCheck(Map<Sequence, LoadedSequence> loaded,
      Map<Sequence, AffineTransform> toCenter, AffineTransform toAtlas, FloatVolume centerBrats,
      LabelVolume bratsMask) {
    Map<String, Manifest.NmiCheck> result = new LinkedHashMap<>();
    if (!options.coRegistration() || Masks.count(bratsMask) == 0) {
      return result;
    }
    Grid grid = Masks.everySecondVoxel(Grid.BRATS);
    FloatVolume center = Masks.everySecondVoxel(centerBrats, grid);
    LabelVolume mask = Masks.everySecondVoxel(bratsMask, grid);
    for (Sequence s : Sequence.values()) {
      if (s == options.center()) {
        continue;
      }
      FloatVolume source = loaded.get(s).working();
      FloatVolume headerOnly = Resampler.resample(source, grid, toAtlas, Interpolation.LINEAR, 0f, options.threads());
      FloatVolume registered = Resampler.resample(source, grid, toCenter.get(s).after(toAtlas),
          Interpolation.LINEAR, 0f, options.threads());
      double before = NormalizedMutualInformation.of(center, headerOnly, mask, NormalizedMutualInformation.DEFAULT_BINS);
      double after = NormalizedMutualInformation.of(center, registered, mask, NormalizedMutualInformation.DEFAULT_BINS);
      result.put(s.suffix(), new Manifest.NmiCheck(round(before), round(after)));
    }
    return result;
  }

  /** Returns the atlas image on the BraTS grid; the atlas's world space is BraTS space. */
  private synchronized FloatVolume atlasImageOnBrats() {
    if (atlasImageOnBrats == null) {
      atlasImageOnBrats = Resampler.resample(atlas.image(), Grid.BRATS, AffineTransform.identity(),
          Interpolation.LINEAR, 0f, options.threads());
    }
    return atlasImageOnBrats;
  }

  private synchronized LabelVolume atlasMaskOnBrats() {
    if (atlasMaskOnBrats == null) {
      atlasMaskOnBrats = Resampler.resampleLabels(atlas.brainMask(), Grid.BRATS, AffineTransform.identity(),
          Interpolation.LABEL, 0, options.threads());
    }
    return atlasMaskOnBrats;
  }

  /** Writes each sequence's brain mask and skull-stripped image on the sequence's stored grid. */
  private void writeNative(String id, Map<Sequence, LoadedSequence> loaded, Map<Sequence, AffineTransform> toCenter,
      LabelVolume centerMask, CaseStaging staging, Map<String, String> outputs) throws IOException {
    for (Sequence s : Sequence.values()) {
      FloatVolume original = loaded.get(s).original();
      LabelVolume mask = Resampler.resampleLabels(centerMask, original.grid(), toCenter.get(s).inverse(),
          Interpolation.LABEL, 0, options.threads());
      String maskFile = CaseLayout.nativeBrainMask(id, s);
      String brainFile = CaseLayout.nativeBrain(id, s);
      Nifti.writeLabels(staging.resolve(maskFile), mask);
      Nifti.writeFloat(staging.resolve(brainFile), original.masked(mask));
      outputs.put("native/" + s.suffix() + "_brain_mask", maskFile);
      outputs.put("native/" + s.suffix() + "_brain", brainFile);
    }
  }

  private static LabelVolume requireBrain(LabelVolume mask, String by, LoadedSequence center)
      throws PreprocessingException {
    if (Masks.count(mask) == 0) {
      throw new PreprocessingException("brain extraction by " + by + " found no brain in "
          + center.niftiFile() + "; check the image, or choose another --brain-extraction");
    }
    return mask;
  }

  private Map<String, Manifest.Input> inputRecords(Map<Sequence, LoadedSequence> loaded) {
    Map<String, Manifest.Input> result = new LinkedHashMap<>();
    for (Sequence s : Sequence.values()) {
      LoadedSequence l = loaded.get(s);
      Grid grid = l.original().grid();
      result.put(s.suffix(), new Manifest.Input(l.source().path().toString(), l.sha256(),
          l.source().convention().description(), grid.dimensions().toArray(), grid.spacingMm(),
          grid.orientationCode()));
    }
    return result;
  }

  private Manifest.Input atlasRecord() throws IOException {
    Grid grid = atlas.image().grid();
    return new Manifest.Input(atlas.source().toString(), Checksums.sha256(atlas.source()), "atlas",
        grid.dimensions().toArray(), grid.spacingMm(), grid.orientationCode());
  }

  private static Manifest.RegistrationRecord record(String fixed, String moving, String type, RegistrationResult r,
      String file) {
    List<Manifest.Level> levels = new ArrayList<>();
    for (RegistrationResult.LevelSummary level : r.levels()) {
      levels.add(new Manifest.Level(level.level().shrinkFactor(), level.samples(), round(level.initialMetric()),
          round(level.finalMetric()), level.iterations(), level.stopReason().name().toLowerCase(Locale.ROOT)));
    }
    return new Manifest.RegistrationRecord(fixed, moving, type, "mattes mutual information", round(r.finalMetric()),
        levels, r.iterations(), round(r.duration().toNanos() / 1e9), file);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
