package io.github.bratsensemble.cli;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.registration.Initialization;
import io.github.bratsensemble.preprocessor.registration.MetricType;
import io.github.bratsensemble.preprocessor.registration.Registration;
import io.github.bratsensemble.preprocessor.registration.RegistrationOptions;
import io.github.bratsensemble.preprocessor.registration.RegistrationResult;
import io.github.bratsensemble.preprocessor.registration.TransformType;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Registers a moving image to a fixed image and writes the transform as an ANTs/ITK file, which
 * maps fixed-image points to moving-image points in LPS like antsRegistration's output.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = "Register a moving image to a fixed image (rigid or affine, Mattes mutual information by default)"
        + " and write the transform as an ANTs .mat or ITK .tfm/.txt file. The transform maps fixed-image points"
        + " to moving-image points, so apply-transform -i MOVING -r FIXED -t OUT resamples the moving image"
        + " onto the fixed grid.")
final class RegisterCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = "--fixed", required = true, paramLabel = "FIXED", description = "Fixed (reference) NIfTI image.")
  Path fixed;

  @Option(names = "--moving", required = true, paramLabel = "MOVING", description = "Moving NIfTI image.")
  Path moving;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRANSFORM",
      description = "Output transform file: .mat (ANTs), .tfm or .txt (ITK text).")
  Path output;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "rigid",
      description = "Transform type: rigid or affine (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "mi",
      description = "Similarity metric: mi (Mattes mutual information), ncc (normalised cross-correlation) or"
          + " msq (mean squares) (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--initialization", paramLabel = "MODE", defaultValue = "mass",
      description = "Initial alignment: mass (centres of mass), geometry (grid centres) or identity"
          + " (default: ${DEFAULT-VALUE}).")
  String initialization;

  @Option(names = "--fixed-mask", paramLabel = "MASK",
      description = "Label map; only its non-zero voxels of the fixed image are sampled.")
  Path fixedMask;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the random sample draw; equal inputs and seeds give equal transforms"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--resampled", paramLabel = "OUT",
      description = "Also write the moving image resampled onto the fixed grid (linear interpolation).")
  Path resampled;

  @Override
  public Integer call() throws Exception {
    CliChecks.requireFile(fixed, "fixed image");
    CliChecks.requireFile(moving, "moving image");
    CliChecks.requireTransformExtension(spec, output, "-o");
    if (resampled != null) {
      CliChecks.requireNiftiExtension(spec, resampled, "--resampled");
    }
    OutputPaths.of(spec)
        .input("--fixed", fixed)
        .input("--moving", moving)
        .input("--fixed-mask", fixedMask)
        .output("-o", output)
        .output("--resampled", resampled)
        .check();
    RegistrationOptions options = RegistrationOptions.defaults()
        .withTransformType(parseType())
        .withMetric(parseMetric())
        .withInitialization(parseInitialization())
        .withSeed(seed);
    if (threads != null) {
      if (threads < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--threads must be at least 1 but was " + threads);
      }
      options = options.withThreads(threads);
    }
    if (fixedMask != null) {
      CliChecks.requireFile(fixedMask, "fixed mask");
      options = options.withFixedMask(Nifti.readLabels(fixedMask));
    }

    FloatVolume fixedImage = Nifti.readFloat(fixed);
    FloatVolume movingImage = Nifti.readFloat(moving);
    RegistrationResult result = Registration.register(fixedImage, movingImage, options);
    TransformFiles.write(output, result.transform());
    if (resampled != null) {
      FloatVolume out = Resampler.resample(
          movingImage, fixedImage.grid(), result.transform(), Interpolation.LINEAR, 0f, options.threads());
      Nifti.writeFloat32(resampled, out);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "%s -> %s: %s (%s, metric %.4f, %d iterations, %.2f s)%n",
        moving, fixed, output, type.toLowerCase(Locale.ROOT), result.finalMetric(), result.iterations(),
        result.duration().toNanos() / 1e9);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private TransformType parseType() {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "rigid" -> TransformType.RIGID;
      case "affine" -> TransformType.AFFINE;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--type " + type + " is not one of rigid, affine");
    };
  }

  private MetricType parseMetric() {
    return switch (metric.toLowerCase(Locale.ROOT)) {
      case "mi" -> MetricType.MATTES_MUTUAL_INFORMATION;
      case "ncc" -> MetricType.NORMALIZED_CROSS_CORRELATION;
      case "msq" -> MetricType.MEAN_SQUARES;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--metric " + metric + " is not one of mi, ncc, msq");
    };
  }

  private Initialization parseInitialization() {
    return switch (initialization.toLowerCase(Locale.ROOT)) {
      case "mass" -> Initialization.CENTER_OF_MASS;
      case "geometry" -> Initialization.GEOMETRIC_CENTER;
      case "identity" -> Initialization.IDENTITY;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--initialization " + initialization + " is not one of mass, geometry, identity");
    };
  }

  /** Input checks shared by the registration commands. */
  static final class CliChecks {
    private CliChecks() {}

    static void requireFile(Path path, String role) throws FileNotFoundException {
      if (!Files.isRegularFile(path)) {
        throw new FileNotFoundException(role + " not found: " + path);
      }
    }

    static void requireNiftiExtension(CommandSpec spec, Path path, String option) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            option + " " + path + " must end in .nii or .nii.gz");
      }
    }

    static void requireTransformExtension(CommandSpec spec, Path path, String option) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".mat") && !name.endsWith(".tfm") && !name.endsWith(".txt")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            option + " " + path + " must end in .mat, .tfm or .txt");
      }
    }
  }
}
