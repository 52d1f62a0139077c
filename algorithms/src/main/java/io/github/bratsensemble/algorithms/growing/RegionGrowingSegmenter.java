package io.github.bratsensemble.algorithms.growing;

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
 * Tumour segmentation by seeded region growing from the most abnormal voxels
 * ({@code region-growing}).
 *
 * <p>Where {@code intensity-outlier} thresholds every voxel once and {@code gmm} clusters
 * intensities, this method only accepts moderately abnormal voxels that are connected to strongly
 * abnormal ones, so it ignores scattered bright voxels far from the tumour but follows oedema
 * further into tissue of intermediate signal.
 *
 * <p><b>Inputs:</b> a {@link BratsCase}; thresholds are robust z-scores ({@link NormalizedCase}).
 *
 * <p><b>Output:</b> BraTS 2021 labels (1 NCR, 2 ED, 4 ET) on the input grid.
 *
 * <p><b>Steps:</b>
 * <ol>
 *   <li>Whole-tumour seeds: brain voxels with min(z(FLAIR), z(T2)) above {@code seedZ}, in
 *       26-connected seed components of at least {@code minSeedVoxels} voxels and at least
 *       {@code minComponentFraction} of the largest seed component.
 *   <li>Growth: 26-connected voxels with z(FLAIR) above {@code growFlairZ} and z(T2) above
 *       {@code growT2Z} ({@link HysteresisGrowing}); an opening with a ball of radius 1 then
 *       cuts thin bridges into healthy tissue, and components smaller than
 *       {@code minComponentVoxels} or than {@code minComponentFraction} of the largest are
 *       dropped.
 *   <li>Enhancing tumour: seeds with z(T1c) above {@code enhancingSeedZ} and z(T1c) − z(T1) above
 *       {@code enhancingSeedZ} − 1, grown through voxels with both above {@code enhancingGrowZ},
 *       all within {@code enhancingSearchVoxels} of the whole tumour.
 *   <li>Necrotic core: the zone enclosed by ET is found by closing ET with a ball of
 *       {@code necrosisClosingVoxels} and filling its holes in each axial slice; seeds are its
 *       non-enhancing brain voxels with z(T1c) below {@code necrosisSeedT1cZ}, grown through
 *       those below {@code necrosisGrowT1cZ}.
 *   <li>Oedema: the rest of the whole tumour.
 * </ol>
 *
 * <p><b>Failure modes:</b> throws {@link IllegalArgumentException} on an empty brain or a constant
 * sequence. Returns an all-background map when there is no seed. Known weaknesses: a tumour
 * without strongly abnormal voxels has no seed and is missed; oedema that touches bright CSF-free
 * tissue (periventricular caps) leaks into it.
 *
 * <p>Deterministic and thread-safe.
 */
public final class RegionGrowingSegmenter implements BuiltinAlgorithm {
  /** The registry identifier. */
  public static final String ID = "region-growing";

  private final Parameters parameters;

  public RegionGrowingSegmenter() {
    this(Parameters.defaults());
  }

  public RegionGrowingSegmenter(Parameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "hysteresis region growing from the most abnormal FLAIR/T2 and T1c voxels";
  }

  @Override
  public LabelVolume segment(BratsCase input) {
    NormalizedCase c = NormalizedCase.of(input);
    Parameters p = parameters;
    Dimensions dims = c.dimensions();
    int n = c.voxelCount();
    byte[] brain = c.brain();
    float[] t1 = c.t1();
    float[] t1c = c.t1c();
    float[] t2 = c.t2();
    float[] flair = c.flair();

    // Whole tumour: seeds, then growth through moderately abnormal tissue.
    byte[] seeds = new byte[n];
    byte[] allowed = new byte[n];
    for (int i = 0; i < n; i++) {
      if (brain[i] == 0) {
        continue;
      }
      if (Math.min(flair[i], t2[i]) > p.seedZ()) {
        seeds[i] = 1;
      }
      if (flair[i] > p.growFlairZ() && t2[i] > p.growT2Z()) {
        allowed[i] = 1;
      }
    }
    ConnectedComponents seedComponents = ConnectedComponents.label(seeds, dims, Connectivity.FULL_26);
    int largestSeed = seedComponents.largest();
    if (largestSeed == 0) {
      return LabelVolume.zeros(c.grid());
    }
    seeds = seedComponents.keepAtLeast(Math.max(p.minSeedVoxels(),
        (int) Math.ceil(p.minComponentFraction() * seedComponents.size(largestSeed))));
    byte[] wholeTumour = HysteresisGrowing.grow(seeds, allowed, dims);
    wholeTumour = BinaryMorphology.open(wholeTumour, dims, 1);
    ConnectedComponents components = ConnectedComponents.label(wholeTumour, dims, Connectivity.FULL_26);
    int largest = components.largest();
    if (largest == 0) {
      return LabelVolume.zeros(c.grid());
    }
    wholeTumour = components.keepAtLeast(
        Math.max(p.minComponentVoxels(), (int) Math.ceil(p.minComponentFraction() * components.size(largest))));

    // Enhancing tumour near the whole tumour.
    byte[] search = BinaryMorphology.and(BinaryMorphology.dilate(wholeTumour, dims, p.enhancingSearchVoxels()), brain);
    byte[] enhancingSeeds = new byte[n];
    byte[] enhancingAllowed = new byte[n];
    for (int i = 0; i < n; i++) {
      if (search[i] == 0) {
        continue;
      }
      double enhancement = t1c[i] - t1[i];
      if (t1c[i] > p.enhancingSeedZ() && enhancement > p.enhancingSeedZ() - 1) {
        enhancingSeeds[i] = 1;
      }
      if (t1c[i] > p.enhancingGrowZ() && enhancement > p.enhancingGrowZ()) {
        enhancingAllowed[i] = 1;
      }
    }
    byte[] enhancing = HysteresisGrowing.grow(enhancingSeeds, enhancingAllowed, dims);
    wholeTumour = BinaryMorphology.or(wholeTumour, enhancing);

    // Necrosis: dark T1c tissue in the zone that the enhancing rim encloses.
    byte[] zone = HoleFilling.fillAxialSlices(BinaryMorphology.close(enhancing, dims, p.necrosisClosingVoxels()), dims);
    byte[] necrosisSeeds = new byte[n];
    byte[] necrosisAllowed = new byte[n];
    for (int i = 0; i < n; i++) {
      if (zone[i] == 0 || enhancing[i] != 0 || brain[i] == 0) {
        continue;
      }
      if (t1c[i] < p.necrosisSeedT1cZ()) {
        necrosisSeeds[i] = 1;
      }
      if (t1c[i] < p.necrosisGrowT1cZ()) {
        necrosisAllowed[i] = 1;
      }
    }
    byte[] necrotic = HysteresisGrowing.grow(necrosisSeeds, necrosisAllowed, dims);
    wholeTumour = BinaryMorphology.or(wholeTumour, necrotic);
    return TumourLabels.compose(c.grid(), wholeTumour, necrotic, enhancing);
  }

  /**
   * Parameters of {@link RegionGrowingSegmenter}; thresholds are robust z-scores.
   *
   * @param seedZ min(z(FLAIR), z(T2)) of whole-tumour seeds (default 3.0)
   * @param minSeedVoxels smallest seed component used (default 50)
   * @param growFlairZ FLAIR threshold of growth (default 1.5)
   * @param growT2Z T2 threshold of growth (default 0.8)
   * @param minComponentVoxels smallest whole-tumour component kept (default 500)
   * @param minComponentFraction smallest component kept relative to the largest (default 0.1)
   * @param enhancingSearchVoxels distance from WT within which ET is searched (default 5)
   * @param enhancingSeedZ z(T1c) of ET seeds; their z(T1c) − z(T1) must exceed it minus 1 (default 3.0)
   * @param enhancingGrowZ z(T1c) and z(T1c) − z(T1) threshold of ET growth (default 1.2)
   * @param necrosisClosingVoxels radius of the closing that seals the ET rim (default 4)
   * @param necrosisSeedT1cZ z(T1c) below which a voxel seeds necrosis (default -1.5)
   * @param necrosisGrowT1cZ z(T1c) below which necrosis grows (default 0.0)
   */
  public record Parameters(
      double seedZ,
      int minSeedVoxels,
      double growFlairZ,
      double growT2Z,
      int minComponentVoxels,
      double minComponentFraction,
      int enhancingSearchVoxels,
      double enhancingSeedZ,
      double enhancingGrowZ,
      int necrosisClosingVoxels,
      double necrosisSeedT1cZ,
      double necrosisGrowT1cZ) {

    public static Parameters defaults() {
      return new Parameters(3.0, 50, 1.5, 0.8, 500, 0.1, 5, 3.0, 1.2, 4, -1.5, 0.0);
    }
  }
}
