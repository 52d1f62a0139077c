package io.github.bratsensemble.algorithms.outlier;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.NormalizedCase;
import io.github.bratsensemble.algorithms.TumourLabels;
import io.github.bratsensemble.imaging.morphology.BinaryMorphology;
import io.github.bratsensemble.imaging.morphology.ConnectedComponents;
import io.github.bratsensemble.imaging.morphology.Connectivity;
import io.github.bratsensemble.imaging.morphology.HoleFilling;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.LabelVolume;

/**
 * Tumour segmentation by robust intensity outliers ({@code intensity-outlier}).
 *
 * <p><b>Inputs:</b> a {@link BratsCase}; thresholds are in robust z-score units of each sequence
 * over the brain ({@link NormalizedCase}), so no intensity standardisation is needed.
 *
 * <p><b>Output:</b> BraTS 2021 labels (1 NCR, 2 ED, 4 ET) on the input grid.
 *
 * <p><b>Steps:</b>
 * <ol>
 *   <li>Whole-tumour candidates: brain voxels that are hyperintense on FLAIR ({@code z > flairZ})
 *       and on T2 ({@code z > t2Z}). Requiring both keeps out CSF, which is bright on T2 but dark
 *       on FLAIR.
 *   <li>An opening with a ball of {@code openingRadiusVoxels} removes thin rims along the brain
 *       surface and ventricle walls.
 *   <li>26-connected components smaller than {@code minComponentVoxels}, or smaller than
 *       {@code minComponentFraction} of the largest one, are dropped; what remains is the whole
 *       tumour (WT).
 *   <li>Enhancing tumour (ET): voxels within {@code enhancingSearchVoxels} of WT whose T1c is bright
 *       ({@code z > t1cZ}) and brighter than T1 by {@code enhancementZ} (z(T1c) − z(T1)); enhancing
 *       components smaller than {@code minEnhancingVoxels} are dropped. ET joins WT.
 *   <li>Necrotic core (NCR): brain voxels enclosed by ET that are not enhancing. The ET mask is
 *       closed with a ball of {@code necrosisClosingVoxels} to seal small gaps in the rim, then its
 *       holes are filled in 3-D and in each axial slice. NCR joins WT.
 *   <li>Oedema (ED): the rest of WT.
 * </ol>
 *
 * <p><b>Failure modes:</b> throws {@link IllegalArgumentException} on an empty brain or a constant
 * sequence. Returns an all-background map when no candidate component survives. Known weaknesses:
 * non-enhancing tumour with only mild FLAIR signal is missed; periventricular FLAIR hyperintensity
 * and bright brain-surface artefacts larger than the size threshold are taken as tumour; a tumour
 * filling much of the brain shifts the median and MAD and lowers the z-scores.
 *
 * <p>Deterministic and thread-safe.
 */
public final class IntensityOutlierSegmenter implements BuiltinAlgorithm {
  /** The registry identifier. */
  public static final String ID = "intensity-outlier";

  private final Parameters parameters;

  public IntensityOutlierSegmenter() {
    this(Parameters.defaults());
  }

  public IntensityOutlierSegmenter(Parameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "robust z-score outliers on FLAIR/T2, T1c enhancement, 3-D hole filling for necrosis";
  }

  @Override
  public LabelVolume segment(BratsCase input) {
    NormalizedCase c = NormalizedCase.of(input);
    Dimensions dims = c.dimensions();
    Parameters p = parameters;
    int n = c.voxelCount();
    byte[] brain = c.brain();
    float[] flair = c.flair();
    float[] t2 = c.t2();
    float[] t1 = c.t1();
    float[] t1c = c.t1c();

    // Whole-tumour candidates: hyperintense on both FLAIR and T2.
    byte[] candidates = new byte[n];
    for (int i = 0; i < n; i++) {
      if (brain[i] != 0 && flair[i] > p.flairZ() && t2[i] > p.t2Z()) {
        candidates[i] = 1;
      }
    }
    candidates = BinaryMorphology.open(candidates, dims, p.openingRadiusVoxels());
    byte[] wholeTumour = keepLargeComponents(candidates, dims, p.minComponentVoxels(), p.minComponentFraction());

    // Enhancing tumour near the whole tumour.
    byte[] search = BinaryMorphology.and(BinaryMorphology.dilate(wholeTumour, dims, p.enhancingSearchVoxels()), brain);
    byte[] enhancing = new byte[n];
    for (int i = 0; i < n; i++) {
      if (search[i] != 0 && t1c[i] > p.t1cZ() && t1c[i] - t1[i] > p.enhancementZ()) {
        enhancing[i] = 1;
      }
    }
    enhancing = ConnectedComponents.label(enhancing, dims, Connectivity.FULL_26).keepAtLeast(p.minEnhancingVoxels());
    wholeTumour = BinaryMorphology.or(wholeTumour, enhancing);

    // Necrosis: the non-enhancing interior enclosed by enhancing tissue.
    byte[] rim = BinaryMorphology.close(enhancing, dims, p.necrosisClosingVoxels());
    byte[] enclosed = BinaryMorphology.or(HoleFilling.fill3d(rim, dims), HoleFilling.fillAxialSlices(rim, dims));
    byte[] necrotic = BinaryMorphology.andNot(BinaryMorphology.and(enclosed, brain), enhancing);
    wholeTumour = BinaryMorphology.or(wholeTumour, necrotic);

    return TumourLabels.compose(c.grid(), wholeTumour, necrotic, enhancing);
  }

  static byte[] keepLargeComponents(byte[] mask, Dimensions dims, int minVoxels, double minFractionOfLargest) {
    ConnectedComponents components = ConnectedComponents.label(mask, dims, Connectivity.FULL_26);
    int largest = components.largest();
    if (largest == 0) {
      return new byte[mask.length];
    }
    int threshold = Math.max(minVoxels, (int) Math.ceil(minFractionOfLargest * components.size(largest)));
    return components.keepAtLeast(threshold);
  }

  /**
   * Parameters of {@link IntensityOutlierSegmenter}; thresholds are robust z-scores.
   *
   * @param flairZ FLAIR threshold of whole-tumour candidates (default 2.0)
   * @param t2Z T2 threshold of whole-tumour candidates (default 1.0)
   * @param openingRadiusVoxels radius of the opening applied to the candidates (default 1)
   * @param minComponentVoxels smallest whole-tumour component kept (default 500, 0.5 mL at 1 mm)
   * @param minComponentFraction smallest component kept relative to the largest (default 0.1)
   * @param enhancingSearchVoxels distance from WT within which ET is searched (default 5)
   * @param t1cZ T1c threshold of ET (default 1.5)
   * @param enhancementZ threshold of z(T1c) − z(T1) for ET (default 1.5)
   * @param minEnhancingVoxels smallest ET component kept (default 20)
   * @param necrosisClosingVoxels radius of the closing that seals the ET rim (default 5)
   */
  public record Parameters(
      double flairZ,
      double t2Z,
      int openingRadiusVoxels,
      int minComponentVoxels,
      double minComponentFraction,
      int enhancingSearchVoxels,
      double t1cZ,
      double enhancementZ,
      int minEnhancingVoxels,
      int necrosisClosingVoxels) {

    public static Parameters defaults() {
      return new Parameters(2.0, 1.0, 1, 500, 0.1, 5, 1.5, 1.5, 20, 5);
    }
  }
}
