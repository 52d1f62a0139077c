package io.github.bratsensemble.preprocessor.registration;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.transform.Rotations;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Compares rigid registrations of the skull-stripped native T1 of TCGA-DU-7294 to the
 * skull-stripped SRI24 atlas with ANTs' transform, which came from the unstripped images. It prints
 * one row per variant (options, inputs, starting pitch), then the metrics along the straight path
 * from the default result to ANTs' transform, then a convention check: registering the T1 to its
 * own ANTs-resampled copy on the atlas grid. Last, it registers the skull-stripped T1 of a BraTS 2023
 * case, which the BraTS pipeline already aligned to SRI24 with the skull, to the atlas and prints
 * how far that lands from the identity. Argument: the shared data folder.
 */
public final class AtlasRegistrationStudy {
  private final FloatVolume atlas;
  private final FloatVolume t1;
  private final LabelVolume t1Mask;
  private final LabelVolume bratsMask;
  private final LabelVolume atlasBrain;
  private final AffineTransform ants;

  private final FloatVolume brats2023;

  private AtlasRegistrationStudy(Path root) throws IOException {
    brats2023 = Nifti.readFloat(root.resolve("brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1n.nii.gz"));
    Path dataCase = root.resolve("brats-toolkit-example/TCGA-DU-7294");
    atlas = Nifti.readFloat(root.resolve("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    t1 = Nifti.readFloat(dataCase.resolve("hdbet_native/t1.nii.gz"));
    t1Mask = Nifti.readLabels(dataCase.resolve("masks/native_t1.nii.gz"));
    bratsMask = Nifti.readLabels(dataCase.resolve("masks/brats_space.nii.gz"));
    ants = AntsTransformFile.read(dataCase.resolve("registrations/native_t1_to_brats.mat"));
    atlasBrain = binary(atlas);
  }

  public static void main(String[] args) throws IOException {
    AtlasRegistrationStudy study = new AtlasRegistrationStudy(Path.of(args.length > 0 ? args[0] : "../shared/data"));
    AffineTransform standard = study.variants();
    study.path(standard);
    study.conventionCheck();
  }

  /** Prints one row per variant and returns the default result. */
  private AffineTransform variants() {
    RegistrationOptions defaults = RegistrationOptions.defaults().withThreads(2);
    System.out.println("variant | time s | mean / max mm vs ANTs | rotation to ANTs (x, y, z deg) | Dice atlas brain"
        + " | Dice BraTS-space mask");
    report("ANTs", ants, 0);
    AffineTransform standard = register("default", atlas, t1, defaults);
    register("fixed mask = atlas brain", atlas, t1, defaults.withFixedMask(atlasBrain));
    register("100,000 samples", atlas, t1, defaults.withSamplesPerLevel(100_000));
    register("16 bins", atlas, t1, defaults.withHistogramBins(16));
    register("64 bins", atlas, t1, defaults.withHistogramBins(64));
    register("correlation", atlas, t1, defaults.withMetric(MetricType.NORMALIZED_CROSS_CORRELATION));
    register("geometric centres", atlas, t1, defaults.withInitialization(Initialization.GEOMETRIC_CENTER));
    register("brain masks, mean squares", toFloat(atlasBrain), toFloat(t1Mask), defaults.withMetric(MetricType.MEAN_SQUARES));
    AffineTransform affine = register("affine", atlas, t1, defaults.withTransformType(TransformType.AFFINE));
    report("affine, rotation part", closestRigid(affine), 0);
    for (double pitchDegrees : new double[] {-12, -6, 6, 12}) {
      report("start pitched " + pitchDegrees + " deg", registerPitched(pitchDegrees, defaults), 0);
    }
    return standard;
  }

  /** Prints the metrics at {@code T(s)}, which runs straight from the default result (s = 0) to ANTs' transform (s = 1). */
  private void path(AffineTransform standard) {
    AffineTransform difference = standard.inverse().after(ants);
    double[] rotation = rotationVector(difference.matrix());
    double[] center = centroid(bratsMask);
    double[] shift = difference.apply(center);
    for (int axis = 0; axis < 3; axis++) {
      shift[axis] -= center[axis];
    }
    System.out.println("s | Mattes MI | correlation | mask mean squares | mean mm vs ANTs | Dice atlas brain"
        + " | Dice BraTS-space mask");
    FloatVolume atlasBrainValues = toFloat(atlasBrain);
    FloatVolume t1MaskValues = toFloat(t1Mask);
    for (double s = -0.5; s <= 1.51; s += 0.25) {
      double[] partial = Rotations.exp(s * rotation[0], s * rotation[1], s * rotation[2]);
      AffineTransform step = AffineTransform.ofCentered(partial, new double[] {s * shift[0], s * shift[1], s * shift[2]}, center);
      AffineTransform transform = standard.after(step);
      System.out.printf(Locale.ROOT, "%.2f | %.5f | %.5f | %.5f | %.2f | %.4f | %.4f%n", s,
          metricValue(atlas, t1, transform, MetricType.MATTES_MUTUAL_INFORMATION),
          metricValue(atlas, t1, transform, MetricType.NORMALIZED_CROSS_CORRELATION),
          metricValue(atlasBrainValues, t1MaskValues, transform, MetricType.MEAN_SQUARES),
          TransformDistance.overMask(transform, ants, bratsMask).meanMm(), diceAtlas(transform), diceBrats(transform));
    }
  }

  private void conventionCheck() {
    FloatVolume target = Resampler.resample(t1, atlas.grid(), ants, Interpolation.LINEAR, 0f, 2);
    register("T1 to its ANTs-resampled copy", target, t1, RegistrationOptions.defaults().withThreads(2));

    RegistrationResult result = Registration.register(atlas, brats2023, RegistrationOptions.defaults().withThreads(2));
    TransformDistance distance = TransformDistance.overMask(result.transform(), AffineTransform.identity(), atlasBrain);
    double[] rotation = rotationVector(result.transform().matrix());
    System.out.printf(Locale.ROOT, "BraTS 2023 T1 to atlas: %.2f / %.2f mm from identity, rotation %.1f, %.1f, %.1f deg%n",
        distance.meanMm(), distance.maxMm(), Math.toDegrees(rotation[0]), Math.toDegrees(rotation[1]),
        Math.toDegrees(rotation[2]));
  }

  private AffineTransform register(String name, FloatVolume fixed, FloatVolume moving, RegistrationOptions options) {
    RegistrationResult result = Registration.register(fixed, moving, options);
    report(name, result.transform(), result.duration().toNanos() / 1e9);
    return result.transform();
  }

  /** Registers with the moving image's world turned by {@code pitchDegrees} about its centre of mass, then undoes the turn. */
  private AffineTransform registerPitched(double pitchDegrees, RegistrationOptions options) {
    double[] turn = Rotations.exp(Math.toRadians(pitchDegrees), 0, 0);
    AffineTransform pitch = AffineTransform.ofCentered(turn, new double[3], Initializer.centerOfMass(t1));
    Grid turned = new Grid(t1.grid().dimensions(), pitch.toAffine().compose(t1.grid().affine()));
    RegistrationResult result = Registration.register(atlas, t1.withGrid(turned), options);
    return pitch.inverse().after(result.transform());
  }

  /** Prints one table row; a time of 0 (not measured) prints as "-". */
  private void report(String name, AffineTransform transform, double seconds) {
    TransformDistance distance = TransformDistance.overMask(transform, ants, bratsMask);
    double[] rotation = rotationVector(closestRigid(transform).inverse().after(ants).matrix());
    String time = seconds > 0 ? String.format(Locale.ROOT, "%.2f", seconds) : "-";
    System.out.printf(Locale.ROOT, "%s | %s | %.2f / %.2f | %.1f, %.1f, %.1f | %.4f | %.4f%n", name, time,
        distance.meanMm(), distance.maxMm(), Math.toDegrees(rotation[0]), Math.toDegrees(rotation[1]),
        Math.toDegrees(rotation[2]), diceAtlas(transform), diceBrats(transform));
  }

  private double diceAtlas(AffineTransform transform) {
    return dice(Resampler.resampleLabels(t1Mask, atlas.grid(), transform, Interpolation.NEAREST, 0), atlasBrain);
  }

  private double diceBrats(AffineTransform transform) {
    return dice(Resampler.resampleLabels(t1Mask, bratsMask.grid(), transform, Interpolation.NEAREST, 0), bratsMask);
  }

  /** Returns the metric (lower is better) of the full-resolution pair at {@code transform}, over 400,000 samples. */
  static double metricValue(FloatVolume fixed, FloatVolume moving, AffineTransform transform, MetricType metric) {
    RegistrationOptions options = RegistrationOptions.defaults().withMetric(metric);
    FixedSamples samples = FixedSamples.draw(fixed, null, 400_000, options.seed());
    TransformModel model = TransformModel.create(TransformType.RIGID, transform);
    return new LevelOptimizer(samples, new MovingImage(moving), model, options, 0).valueAndGradient()[0];
  }

  /** Returns the rotation nearest the linear part (polar decomposition), keeping where the atlas brain's centroid maps. */
  private AffineTransform closestRigid(AffineTransform transform) {
    double[] m = transform.matrix();
    RealMatrix linear = new Array2DRowRealMatrix(3, 3);
    for (int i = 0; i < 9; i++) {
      linear.setEntry(i / 3, i % 3, m[i]);
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(linear);
    RealMatrix rotation = svd.getU().multiply(svd.getVT());
    double[] r = new double[9];
    for (int i = 0; i < 9; i++) {
      r[i] = rotation.getEntry(i / 3, i % 3);
    }
    double[] center = centroid(atlasBrain);
    double[] target = transform.apply(center);
    double[] translation = {target[0] - center[0], target[1] - center[1], target[2] - center[2]};
    return AffineTransform.ofCentered(r, translation, center);
  }

  /** Returns the axis times the angle in radians of a rotation matrix (row-major). */
  private static double[] rotationVector(double[] r) {
    double angle = Math.acos(Math.max(-1, Math.min(1, (r[0] + r[4] + r[8] - 1) / 2)));
    if (angle < 1e-12) {
      return new double[3];
    }
    double k = angle / (2 * Math.sin(angle));
    return new double[] {k * (r[7] - r[5]), k * (r[2] - r[6]), k * (r[3] - r[1])};
  }

  private static double[] centroid(LabelVolume mask) {
    var d = mask.grid().dimensions();
    double[] sum = new double[3];
    long count = 0;
    for (int z = 0; z < d.nz(); z++) {
      for (int y = 0; y < d.ny(); y++) {
        for (int x = 0; x < d.nx(); x++) {
          if (mask.label(x, y, z) != 0) {
            double[] p = mask.grid().affine().apply(new double[] {x, y, z});
            sum[0] += p[0];
            sum[1] += p[1];
            sum[2] += p[2];
            count++;
          }
        }
      }
    }
    return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
  }

  private static LabelVolume binary(FloatVolume image) {
    byte[] labels = new byte[image.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) (image.value(i) > 0 ? 1 : 0);
    }
    return LabelVolume.wrap(image.grid(), labels);
  }

  private static FloatVolume toFloat(LabelVolume mask) {
    float[] values = new float[mask.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = mask.label(i) != 0 ? 1f : 0f;
    }
    return FloatVolume.wrap(mask.grid(), values);
  }

  private static double dice(LabelVolume a, LabelVolume b) {
    long both = 0;
    long sum = 0;
    for (int i = 0; i < a.voxelCount(); i++) {
      boolean inA = a.label(i) != 0;
      boolean inB = b.label(i) != 0;
      both += inA && inB ? 1 : 0;
      sum += (inA ? 1 : 0) + (inB ? 1 : 0);
    }
    return 2.0 * both / sum;
  }
}
