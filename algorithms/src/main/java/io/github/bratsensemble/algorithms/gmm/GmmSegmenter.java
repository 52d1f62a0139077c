package io.github.bratsensemble.algorithms.gmm;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.NormalizedCase;
import io.github.bratsensemble.algorithms.TumourLabels;
import io.github.bratsensemble.imaging.morphology.BinaryMorphology;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Tumour segmentation by Gaussian mixture models and a Potts Markov random field ({@code gmm}).
 *
 * <p><b>Inputs:</b> a {@link BratsCase}. Features are the robust z-scores of T1, T1c, T2 and FLAIR
 * ({@link NormalizedCase}), clipped to [{@value #CLIP_LOW}, {@value #CLIP_HIGH}].
 *
 * <p><b>Output:</b> BraTS 2021 labels (1 NCR, 2 ED, 4 ET) on the input grid.
 *
 * <p><b>Steps:</b>
 * <ol>
 *   <li>Brain model: a {@code brainComponents}-component mixture with full covariances is fitted
 *       by EM (k-means++ seeding with {@code seed}) to every {@code sampleStride}-th brain voxel.
 *       Components whose mean is hyperintense on FLAIR and T2 ({@code >= abnormalT2Z}) are tumour;
 *       the others are healthy tissue (CSF, grey and white matter, partial volumes). The FLAIR
 *       threshold is {@code abnormalFlairZ}, or {@value #HEALTHY_FLAIR_MARGIN_Z} above the
 *       brightest component with a weight of at least {@value #HEALTHY_MIN_WEIGHT} if that is
 *       higher.
 *   <li>Whole tumour: every brain voxel gets the class (tumour or healthy) of higher mixture
 *       density, then {@code icmSweeps} sweeps of ICM with weight {@code beta} smooth the map;
 *       26-connected components smaller than {@code minComponentVoxels} or than
 *       {@code minComponentFraction} of the largest are dropped.
 *   <li>Tumour model: a {@code tumourComponents}-component mixture is fitted to the tumour
 *       dilated by {@code marginVoxels} inside the brain. Each component is named by its mean:
 *       enhancing if z(T1c) ≥ {@code enhancingT1cZ} and z(T1c) − z(T1) ≥ {@code enhancementZ};
 *       otherwise necrotic if it looks like fluid that FLAIR does not suppress: z(T2) ≥
 *       {@code abnormalT2Z} + 1, T1c at least {@code necrosisT1cDropZ} below that of the largest
 *       oedema component, and z(FLAIR) at least {@value #NECROSIS_FLAIR_DROP_Z} below that
 *       component's but ≥ {@value #NECROSIS_MIN_FLAIR_Z}; otherwise oedema if it
 *       passes the tumour test of step 1; otherwise healthy.
 *   <li>The four classes are smoothed by ICM as above, and tumour components that do not touch
 *       the whole tumour of step 2 are dropped.
 * </ol>
 *
 * <p><b>Failure modes:</b> throws {@link IllegalArgumentException} on an empty brain or a constant
 * sequence. Returns an all-background map when no brain component looks like tumour. Known
 * weaknesses: a small tumour may share a component with hyperintense healthy tissue (choroid
 * plexus, periventricular caps), and a tumour without a distinct enhancing component gets no ET.
 *
 * <p>Deterministic and thread-safe.
 */
public final class GmmSegmenter implements BuiltinAlgorithm {
  /** The registry identifier. */
  public static final String ID = "gmm";
  static final float CLIP_LOW = -6f;
  static final float CLIP_HIGH = 12f;

  /** FLAIR mean above which a fluid-like component is necrosis rather than CSF, whose FLAIR signal is suppressed. */
  static final double NECROSIS_MIN_FLAIR_Z = -1.0;
  /** How far below the largest oedema component a necrotic component's FLAIR mean lies, in z. */
  static final double NECROSIS_FLAIR_DROP_Z = 1.0;
  /** Weight from which a brain-model component is taken as healthy tissue: no glioma fills 15 % of the brain. */
  static final double HEALTHY_MIN_WEIGHT = 0.15;
  /** How far above the brightest healthy component a tumour component's FLAIR mean must lie, in z. */
  static final double HEALTHY_FLAIR_MARGIN_Z = 1.0;

  private static final int HEALTHY = 0;
  private static final int EDEMA = 1;
  private static final int NECROTIC = 2;
  private static final int ENHANCING = 3;

  private final Parameters parameters;

  public GmmSegmenter() {
    this(Parameters.defaults());
  }

  public GmmSegmenter(Parameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "four-sequence Gaussian mixtures (EM) with Potts/ICM smoothing";
  }

  @Override
  public LabelVolume segment(BratsCase input) {
    NormalizedCase c = NormalizedCase.of(input);
    Parameters p = parameters;
    Dimensions dims = c.dimensions();
    float[][] z = {c.t1(), c.t1c(), c.t2(), c.flair()};

    // Step 1: brain model.
    int[] brainVoxels = indicesOf(c.brain());
    GaussianMixture brainModel = GaussianMixture.fit(
        features(z, brainVoxels, p.sampleStride()), 4, p.brainComponents(), p.maxIterations(), 1e-4, 1e-3, p.seed());
    double flairThreshold = tumourFlairThreshold(brainModel, p);
    boolean[] tumourComponent = new boolean[brainModel.componentCount()];
    boolean anyTumour = false;
    for (int k = 0; k < tumourComponent.length; k++) {
      double[] mean = brainModel.mean(k);
      tumourComponent[k] = mean[3] >= flairThreshold && mean[2] >= p.abnormalT2Z();
      anyTumour |= tumourComponent[k];
    }
    int n = c.voxelCount();
    if (!anyTumour) {
      return LabelVolume.zeros(c.grid());
    }

    // Step 2: whole tumour by two-class ICM over the brain.
    int[] classOf = new int[tumourComponent.length];
    for (int k = 0; k < classOf.length; k++) {
      classOf[k] = tumourComponent[k] ? 1 : 0;
    }
    byte[] brainLabels = classify(brainModel, classOf, 2, z, brainVoxels, dims, p);
    byte[] wholeTumour = new byte[n];
    for (int q = 0; q < brainVoxels.length; q++) {
      wholeTumour[brainVoxels[q]] = brainLabels[q];
    }
    wholeTumour = keepLargeComponents(wholeTumour, dims, p.minComponentVoxels(), p.minComponentFraction());
    if (BinaryMorphology.count(wholeTumour) == 0) {
      return LabelVolume.zeros(c.grid());
    }

    // Step 3: tumour model in a margin around the whole tumour.
    byte[] region = BinaryMorphology.and(BinaryMorphology.dilate(wholeTumour, dims, p.marginVoxels()), c.brain());
    int[] regionVoxels = indicesOf(region);
    GaussianMixture tumourModel = GaussianMixture.fit(
        features(z, regionVoxels, Math.max(1, regionVoxels.length / 200_000)), 4, p.tumourComponents(),
        p.maxIterations(), 1e-4, 1e-3, p.seed());
    int[] tumourClass = nameTumourComponents(tumourModel, p);

    // Step 4: four-class ICM in the region, then keep what touches the whole tumour.
    byte[] regionLabels = classify(tumourModel, tumourClass, 4, z, regionVoxels, dims, p);
    byte[] necrotic = new byte[n];
    byte[] enhancing = new byte[n];
    byte[] tumour = new byte[n];
    for (int q = 0; q < regionVoxels.length; q++) {
      if (regionLabels[q] != HEALTHY) {
        tumour[regionVoxels[q]] = 1;
      }
    }
    tumour = ConnectedComponents.label(tumour, dims, Connectivity.FULL_26).keepTouching(wholeTumour);
    for (int q = 0; q < regionVoxels.length; q++) {
      int i = regionVoxels[q];
      if (tumour[i] != 0) {
        necrotic[i] = regionLabels[q] == NECROTIC ? (byte) 1 : 0;
        enhancing[i] = regionLabels[q] == ENHANCING ? (byte) 1 : 0;
      }
    }
    return TumourLabels.compose(c.grid(), tumour, necrotic, enhancing);
  }

  /**
   * Returns the FLAIR mean above which a brain-model component is tumour: {@code abnormalFlairZ},
   * raised to {@code HEALTHY_FLAIR_MARGIN_Z} above the brightest component with a weight of at
   * least {@code HEALTHY_MIN_WEIGHT}, because a component that large is healthy tissue.
   */
  static double tumourFlairThreshold(GaussianMixture model, Parameters p) {
    double threshold = p.abnormalFlairZ();
    for (int k = 0; k < model.componentCount(); k++) {
      if (model.weight(k) >= HEALTHY_MIN_WEIGHT) {
        threshold = Math.max(threshold, model.mean(k)[3] + HEALTHY_FLAIR_MARGIN_Z);
      }
    }
    return threshold;
  }

  /** Names each tumour-model component HEALTHY, EDEMA, NECROTIC or ENHANCING from its mean. */
  static int[] nameTumourComponents(GaussianMixture model, Parameters p) {
    int k = model.componentCount();
    int[] names = new int[k];
    int reference = -1;
    for (int j = 0; j < k; j++) {
      double[] mean = model.mean(j);
      if (mean[1] >= p.enhancingT1cZ() && mean[1] - mean[0] >= p.enhancementZ()) {
        names[j] = ENHANCING;
      } else if (mean[3] >= p.abnormalFlairZ() && mean[2] >= p.abnormalT2Z()) {
        names[j] = EDEMA;
        if (reference < 0 || model.weight(j) > model.weight(reference)) {
          reference = j;
        }
      } else {
        names[j] = HEALTHY;
      }
    }
    // Necrosis: fluid-like (bright T2, dark T1c), less bright on FLAIR than the oedema, but not
    // suppressed on FLAIR as CSF is.
    double referenceT1c = reference >= 0 ? model.mean(reference)[1] : 0;
    double referenceFlair = reference >= 0 ? model.mean(reference)[3] : Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double[] mean = model.mean(j);
      boolean fluid = mean[2] >= p.abnormalT2Z() + 1 && mean[1] <= referenceT1c - p.necrosisT1cDropZ();
      boolean flairBelowEdema = mean[3] <= referenceFlair - NECROSIS_FLAIR_DROP_Z && mean[3] >= NECROSIS_MIN_FLAIR_Z;
      if (names[j] != ENHANCING && fluid && flairBelowEdema) {
        names[j] = NECROTIC;
      }
    }
    return names;
  }

  /** Labels the voxels with the class of highest summed component density, then smooths with ICM. */
  private static byte[] classify(GaussianMixture model, int[] classOf, int classes, float[][] z, int[] voxels,
      Dimensions dims, Parameters p) {
    float[][] logLikelihood = new float[classes][voxels.length];
    byte[] labels = new byte[voxels.length];
    float[] x = new float[4];
    double[] joint = new double[model.componentCount()];
    double[] classSum = new double[classes];
    for (int q = 0; q < voxels.length; q++) {
      int i = voxels[q];
      for (int s = 0; s < 4; s++) {
        x[s] = clip(z[s][i]);
      }
      model.logJoint(x, 0, joint);
      java.util.Arrays.fill(classSum, 0);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : joint) {
        max = Math.max(max, v);
      }
      for (int k = 0; k < joint.length; k++) {
        classSum[classOf[k]] += Math.exp(joint[k] - max);
      }
      int best = 0;
      for (int cl = 0; cl < classes; cl++) {
        logLikelihood[cl][q] = (float) (classSum[cl] > 0 ? Math.log(classSum[cl]) + max : -1e30);
        if (logLikelihood[cl][q] > logLikelihood[best][q]) {
          best = cl;
        }
      }
      labels[q] = (byte) best;
    }
    PottsIcm.run(voxels, logLikelihood, labels, dims, p.beta(), p.icmSweeps());
    return labels;
  }

  private static float[] features(float[][] z, int[] voxels, int stride) {
    int count = (voxels.length + stride - 1) / stride;
    float[] samples = new float[count * 4];
    int k = 0;
    for (int q = 0; q < voxels.length; q += stride) {
      for (int s = 0; s < 4; s++) {
        samples[k++] = clip(z[s][voxels[q]]);
      }
    }
    return samples;
  }

  private static float clip(float v) {
    return Math.max(CLIP_LOW, Math.min(CLIP_HIGH, v));
  }

  private static int[] indicesOf(byte[] mask) {
    int[] indices = new int[BinaryMorphology.count(mask)];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] != 0) {
        indices[k++] = i;
      }
    }
    return indices;
  }

  private static byte[] keepLargeComponents(byte[] mask, Dimensions dims, int minVoxels, double minFraction) {
    ConnectedComponents components = ConnectedComponents.label(mask, dims, Connectivity.FULL_26);
    int largest = components.largest();
    if (largest == 0) {
      return mask;
    }
    return components.keepAtLeast(Math.max(minVoxels, (int) Math.ceil(minFraction * components.size(largest))));
  }

  /**
   * Parameters of {@link GmmSegmenter}; thresholds are robust z-scores.
   *
   * @param brainComponents mixture components of the brain model (default 12)
   * @param tumourComponents mixture components of the tumour model (default 5)
   * @param sampleStride every how many brain voxels one is used to fit the brain model (default 8)
   * @param maxIterations maximum EM iterations (default 30)
   * @param seed k-means++ seed (default 2021)
   * @param abnormalFlairZ FLAIR mean above which a component is tumour (default 1.5)
   * @param abnormalT2Z T2 mean above which a component is tumour (default 0.5)
   * @param enhancingT1cZ T1c mean of an enhancing component (default 1.0)
   * @param enhancementZ z(T1c) − z(T1) mean of an enhancing component (default 1.0)
   * @param necrosisT1cDropZ how far below oedema a necrotic component's T1c lies (default 0.5)
   * @param beta Potts interaction weight per disagreeing neighbour (default 0.7)
   * @param icmSweeps maximum ICM sweeps (default 5)
   * @param marginVoxels dilation of the whole tumour before the tumour model (default 3)
   * @param minComponentVoxels smallest whole-tumour component kept (default 500)
   * @param minComponentFraction smallest component kept relative to the largest (default 0.1)
   */
  public record Parameters(
      int brainComponents,
      int tumourComponents,
      int sampleStride,
      int maxIterations,
      long seed,
      double abnormalFlairZ,
      double abnormalT2Z,
      double enhancingT1cZ,
      double enhancementZ,
      double necrosisT1cDropZ,
      double beta,
      int icmSweeps,
      int marginVoxels,
      int minComponentVoxels,
      double minComponentFraction) {

    public static Parameters defaults() {
      return new Parameters(12, 5, 8, 30, 2021, 1.5, 0.5, 1.0, 1.0, 0.5, 0.7, 5, 3, 500, 0.1);
    }
  }
}
