package io.github.bratsensemble.algorithms.phantom;

import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.resample.Downsampling;
import io.github.bratsensemble.imaging.resample.GaussianSmoothing;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a synthetic BraTS-like case with known ground truth on {@link Grid#BRATS}.
 *
 * <p>Steps for each sequence (T1, T1c, T2, FLAIR):
 * <ol>
 *   <li>Signal: each voxel gets the relative signal of its tissue ({@link Tissue}), varied by a
 *       smooth random texture of 7 % standard deviation shared by all sequences; oedema fades
 *       towards white matter over its outer 4 mm, as real oedema does.
 *   <li>Partial volume: Gaussian smoothing with a standard deviation of {@value #BLUR_SIGMA_MM} mm.
 *   <li>Misalignment (option): the head is moved by a random rigid motion before T1c, T2 and FLAIR
 *       are acquired (trilinear resampling).
 *   <li>Anisotropy (option): T2 and FLAIR are averaged over 5 mm axial slabs (grid 240x240x31).
 *   <li>Bias field: multiplication by a smooth random field {@code exp(sum of 3 low-frequency
 *       cosines)}, about ±15 %.
 *   <li>Rician noise: the magnitude of the signal plus complex Gaussian noise with a standard
 *       deviation of {@value #NOISE_FRACTION} of the full scale ({@value #FULL_SCALE}), then
 *       rounding to whole numbers as scanners store them.
 * </ol>
 *
 * <p>Every random choice comes from one {@link SplittableRandom} seeded with the option's seed, in
 * a fixed order, so the output depends only on the options. Generation took 7-10 s on a busy
 * 2-core machine. Stateless and thread-safe.
 */
public final class PhantomGenerator {
  /** Standard deviation of the partial-volume blur in mm. */
  public static final double BLUR_SIGMA_MM = 0.6;
  /** Signal of relative intensity 1.0. */
  public static final double FULL_SCALE = 1000;
  /** Noise standard deviation as a fraction of {@link #FULL_SCALE}. */
  public static final double NOISE_FRACTION = 0.02;
  /** Slab thickness of anisotropic sequences, in voxels of 1 mm. */
  public static final int SLICE_THICKNESS_MM = 5;

  private static final double MAX_ROTATION_DEGREES = 4;
  private static final double MAX_TRANSLATION_MM = 4;
  private static final double EDEMA_FADE_MM = 4;
  private static final double TEXTURE_SIGMA_MM = 1.5;
  private static final double TEXTURE_AMPLITUDE = 0.07;
  private static final List<String> NAMES = List.of("t1n", "t1c", "t2w", "t2f");

  private PhantomGenerator() {}

  /** Generates the phantom described by {@code options}. */
  public static Phantom generate(PhantomOptions options) {
    SplittableRandom random = new SplittableRandom(options.seed());
    Grid grid = Grid.BRATS;
    PhantomAnatomy anatomy = new PhantomAnatomy(grid.dimensions(), random, options.secondLesion());

    float[] texture = texture(grid, random.split());
    Map<String, AffineTransform> motions = new LinkedHashMap<>();
    FloatVolume[] sequences = new FloatVolume[4];
    for (int s = 0; s < 4; s++) {
      SplittableRandom sequenceRandom = random.split();
      FloatVolume image = GaussianSmoothing.smooth(signal(anatomy, texture, grid, s), BLUR_SIGMA_MM);
      if (s > 0) {
        AffineTransform motion = options.misaligned() ? randomMotion(grid, sequenceRandom) : AffineTransform.identity();
        motions.put(NAMES.get(s), motion);
        if (options.misaligned()) {
          image = Resampler.resample(image, grid, motion, Interpolation.LINEAR, 0f);
        }
      }
      if (options.anisotropic() && s >= 2) {
        image = Downsampling.blockAverage(image, new int[] {1, 1, SLICE_THICKNESS_MM});
      }
      sequences[s] = acquire(image, sequenceRandom);
    }
    return new Phantom(options, sequences[0], sequences[1], sequences[2], sequences[3],
        truth(anatomy, grid), LabelVolume.wrap(grid, anatomy.brain.clone()), Map.copyOf(motions));
  }

  /** Returns the file-name suffixes of the sequences in BraTS 2023 naming: t1n, t1c, t2w, t2f. */
  public static List<String> sequenceSuffixes() {
    return NAMES;
  }

  /**
   * Returns a smooth random field with zero mean and unit standard deviation (white noise smoothed
   * with a standard deviation of {@value #TEXTURE_SIGMA_MM} mm), the tissue texture shared by all
   * sequences.
   */
  private static float[] texture(Grid grid, SplittableRandom random) {
    float[] noise = new float[grid.voxelCount()];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    float[] smooth = GaussianSmoothing.smooth(FloatVolume.wrap(grid, noise), TEXTURE_SIGMA_MM).voxelArray();
    double sumSquares = 0;
    for (float v : smooth) {
      sumSquares += v * v;
    }
    float scale = (float) (1 / Math.sqrt(sumSquares / smooth.length));
    for (int i = 0; i < smooth.length; i++) {
      smooth[i] *= scale;
    }
    return smooth;
  }

  private static FloatVolume signal(PhantomAnatomy anatomy, float[] texture, Grid grid, int sequence) {
    float[] values = new float[grid.voxelCount()];
    double edema = Tissue.EDEMA.signal(sequence);
    double white = Tissue.WHITE_MATTER.signal(sequence);
    for (int i = 0; i < values.length; i++) {
      Tissue t = Tissue.VALUES[anatomy.tissue[i]];
      double value = t.signal(sequence);
      if (t == Tissue.EDEMA) {
        double weight = 0.5 + 0.5 * Math.min(1, anatomy.edemaDepth[i] / EDEMA_FADE_MM);
        value = white + (edema - white) * weight;
      }
      values[i] = (float) (value * (1 + TEXTURE_AMPLITUDE * texture[i]) * FULL_SCALE);
    }
    return FloatVolume.wrap(grid, values);
  }

  private static LabelVolume truth(PhantomAnatomy anatomy, Grid grid) {
    byte[] labels = new byte[grid.voxelCount()];
    for (int i = 0; i < labels.length; i++) {
      Tissue t = Tissue.VALUES[anatomy.tissue[i]];
      labels[i] = switch (t) {
        case NECROSIS -> BratsLabels.NECROTIC_CORE;
        case EDEMA -> BratsLabels.EDEMA;
        case ENHANCING -> BratsLabels.ENHANCING_2023;
        default -> BratsLabels.BACKGROUND;
      };
    }
    return LabelVolume.wrap(grid, labels);
  }

  private static AffineTransform randomMotion(Grid grid, SplittableRandom random) {
    double[] angles = new double[3];
    double[] translation = new double[3];
    for (int axis = 0; axis < 3; axis++) {
      angles[axis] = Math.toRadians(random.nextDouble(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES));
      translation[axis] = random.nextDouble(-MAX_TRANSLATION_MM, MAX_TRANSLATION_MM);
    }
    return AffineTransform.ofCentered(rotation(angles), translation, grid.centerWorld());
  }

  /** Returns the row-major rotation Rz * Ry * Rx. */
  private static double[] rotation(double[] angles) {
    double cx = Math.cos(angles[0]);
    double sx = Math.sin(angles[0]);
    double cy = Math.cos(angles[1]);
    double sy = Math.sin(angles[1]);
    double cz = Math.cos(angles[2]);
    double sz = Math.sin(angles[2]);
    return new double[] {
        cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx,
        sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx,
        -sy, cy * sx, cy * cx};
  }

  /** Applies the bias field and Rician noise and rounds to whole numbers. */
  private static FloatVolume acquire(FloatVolume image, SplittableRandom random) {
    Grid grid = image.grid();
    int nx = grid.dimensions().nx();
    int ny = grid.dimensions().ny();
    int nz = grid.dimensions().nz();
    double[][] bias = new double[3][5];
    for (double[] term : bias) {
      term[0] = random.nextDouble(-0.06, 0.06);
      term[1] = random.nextDouble(-1.2, 1.2);
      term[2] = random.nextDouble(-1.2, 1.2);
      term[3] = random.nextDouble(-1.2, 1.2);
      term[4] = random.nextDouble(0, 2 * Math.PI);
    }
    double sigma = NOISE_FRACTION * FULL_SCALE;
    float[] in = image.voxelArray();
    float[] out = new float[in.length];
    double[] spacing = grid.spacingMm();
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          // Field coordinates in units of the 240 mm field of view.
          double u = x * spacing[0] / 240.0;
          double v = y * spacing[1] / 240.0;
          double w = z * spacing[2] / 240.0;
          double exponent = 0;
          for (double[] term : bias) {
            exponent += term[0] * Math.cos(2 * Math.PI * (term[1] * u + term[2] * v + term[3] * w) + term[4]);
          }
          int i = x + nx * (y + ny * z);
          double signal = in[i] * Math.exp(exponent);
          double real = signal + sigma * random.nextGaussian();
          double imaginary = sigma * random.nextGaussian();
          out[i] = Math.round(Math.sqrt(real * real + imaginary * imaginary));
        }
      }
    }
    return FloatVolume.wrap(grid, out);
  }
}
