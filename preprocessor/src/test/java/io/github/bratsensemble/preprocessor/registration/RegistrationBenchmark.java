package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark of the real registration pairs of TCGA-DU-7294: rigid T1c, T2 and FLAIR to T1, and the
 * skull-stripped T1 to the skull-stripped SRI24 atlas. For each pair it prints the registration
 * time (reading excluded) and the mean and maximum distance to ANTs' transform over the brain mask
 * of the fixed image. Arguments: the shared data folder, then optionally the thread count and the
 * number of repetitions (the fastest run is reported).
 */
public final class RegistrationBenchmark {
  private RegistrationBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dataCase = root.resolve("brats-toolkit-example/TCGA-DU-7294");
    FloatVolume t1 = Nifti.readFloat(dataCase.resolve("hdbet_native/t1.nii.gz"));
    LabelVolume t1Mask = Nifti.readLabels(dataCase.resolve("masks/native_t1.nii.gz"));
    RegistrationOptions options = RegistrationOptions.defaults().withThreads(threads);
    System.out.println("pair | time s | mean mm | max mm | iterations");
    for (String sequence : new String[] {"t1c", "t2", "fla"}) {
      FloatVolume moving = Nifti.readFloat(dataCase.resolve("hdbet_native/" + sequence + ".nii.gz"));
      AffineTransform ants = AntsTransformFile.read(dataCase.resolve("registrations/" + sequence + "_to_t1.mat"));
      report(sequence + " -> t1", t1, moving, options, ants, t1Mask, repetitions);
    }
    FloatVolume atlas = Nifti.readFloat(root.resolve("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    LabelVolume bratsMask = Nifti.readLabels(dataCase.resolve("masks/brats_space.nii.gz"));
    AffineTransform ants = AntsTransformFile.read(dataCase.resolve("registrations/native_t1_to_brats.mat"));
    report("t1 -> atlas", atlas, t1, options, ants, bratsMask, repetitions);
  }

  private static void report(String name, FloatVolume fixed, FloatVolume moving, RegistrationOptions options,
      AffineTransform reference, LabelVolume mask, int repetitions) {
    RegistrationResult best = null;
    for (int run = 0; run < repetitions; run++) {
      RegistrationResult result = Registration.register(fixed, moving, options);
      if (best == null || result.duration().compareTo(best.duration()) < 0) {
        best = result;
      }
    }
    TransformDistance distance = TransformDistance.overMask(best.transform(), reference, mask);
    StringBuilder levels = new StringBuilder();
    for (RegistrationResult.LevelSummary level : best.levels()) {
      levels.append(String.format(Locale.ROOT, " [%d: %d it %s %.3f s %.4f]", level.level().shrinkFactor(),
          level.iterations(), level.stopReason(), level.duration().toNanos() / 1e9, level.finalMetric()));
    }
    System.out.printf(Locale.ROOT, "%s | %.2f | %.3f | %.3f | %d%s%n", name, best.duration().toNanos() / 1e9,
        distance.meanMm(), distance.maxMm(), best.iterations(), levels);
  }
}
