package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.registration.Registration;
import io.github.bratsensemble.preprocessor.registration.RegistrationException;
import io.github.bratsensemble.preprocessor.registration.RegistrationOptions;
import io.github.bratsensemble.preprocessor.registration.RegistrationResult;
import io.github.bratsensemble.preprocessor.registration.TransformType;

/**
 * The two kinds of registration a case needs: rigid co-registration of a sequence to the centre
 * sequence, and rigid or affine registration of the centre sequence to the atlas. Both use the
 * registration package's defaults (Mattes mutual information, 32 bins, fixed seed, centre-of-mass
 * start).
 */
final class CaseRegistration {
  private CaseRegistration() {}

  /** Registers {@code moving} rigidly to {@code center}; the transform maps centre points to moving points. */
  static RegistrationResult coRegister(FloatVolume center, FloatVolume moving, String what, int threads)
      throws PreprocessingException {
    RegistrationOptions options = RegistrationOptions.defaults().withThreads(threads);
    return run(center, moving, options, what);
  }

  /**
   * Registers {@code centerBrain} to the atlas; the transform maps atlas points to centre points.
   *
   * @param atlasMask where the metric is sampled, or null for the whole atlas grid
   */
  static RegistrationResult toAtlas(FloatVolume atlas, LabelVolume atlasMask, FloatVolume centerBrain,
      TransformType type, String what, int threads) throws PreprocessingException {
    RegistrationOptions options = RegistrationOptions.defaults()
        .withTransformType(type)
        .withFixedMask(atlasMask)
        .withThreads(threads);
    return run(atlas, centerBrain, options, what);
  }

  private static RegistrationResult run(FloatVolume fixed, FloatVolume moving, RegistrationOptions options,
      String what) throws PreprocessingException {
    try {
      return Registration.register(fixed, moving, options);
    } catch (RegistrationException e) {
      throw new PreprocessingException("registration " + what + " failed: " + e.getMessage(), e);
    }
  }
}
