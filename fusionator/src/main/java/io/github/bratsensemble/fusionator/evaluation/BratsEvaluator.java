package io.github.bratsensemble.fusionator.evaluation;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.Region;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes the BraTS metrics of a predicted segmentation against the ground truth for the regions
 * WT, TC and ET of a BraTS label convention.
 *
 * <p>Inputs: two label maps on the same grid whose labels all belong to the convention. Outputs: one
 * {@link RegionMetrics} per region. Conventions:
 *
 * <ul>
 *   <li>Dice 2|T∩P| / (|T| + |P|); 1 when both regions are empty.
 *   <li>HD95: the 95th percentile of the distances in mm from the surface voxels of each mask to the
 *       nearest surface voxel of the other, both directions pooled ({@link SurfaceDistances}); 0
 *       when both are empty and {@value #EMPTY_MASK_HD95_MM} mm, the diagonal of the 240x240x155
 *       BraTS grid, when exactly one is.
 *   <li>Normalised surface Dice at {@value #SURFACE_DICE_TOLERANCE_MM} mm over the same surface
 *       voxels.
 *   <li>Sensitivity TP/(TP+FN) and specificity TN/(TN+FP) over the whole grid, with sensitivity 1
 *       when both are empty, as the BraTS 2023 evaluation sets it.
 *   <li>Volumes in mL from the voxel volume of the grid.
 *   <li>Lesion-wise Dice and HD95 of {@link LesionWiseEvaluator#BRATS_GLI}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class BratsEvaluator {
  /** HD95 when exactly one mask is empty: sqrt(240² + 240² + 155²) mm. */
  public static final double EMPTY_MASK_HD95_MM = 373.13;
  /** Tolerance of the normalised surface Dice. */
  public static final double SURFACE_DICE_TOLERANCE_MM = 1.0;

  private final LabelConvention convention;
  private final LesionWiseEvaluator lesionWise;

  public BratsEvaluator(LabelConvention convention) {
    this(convention, LesionWiseEvaluator.BRATS_GLI);
  }

  public BratsEvaluator(LabelConvention convention, LesionWiseEvaluator lesionWise) {
    if (!convention.isBrats()) {
      throw new IllegalArgumentException("label convention " + convention
          + " defines no BraTS regions; use brats2021 or brats2023");
    }
    this.convention = convention;
    this.lesionWise = lesionWise;
  }

  public LabelConvention convention() {
    return convention;
  }

  /**
   * Evaluates {@code prediction} against {@code truth}.
   *
   * @throws IllegalArgumentException when the grids differ or a label is not part of the convention;
   *     the message names which input and the offending value
   */
  public Map<Region, RegionMetrics> evaluate(LabelVolume truth, LabelVolume prediction) {
    Grid grid = truth.grid();
    String difference = grid.describeDifference(prediction.grid(), Grid.DEFAULT_TOLERANCE_MM);
    if (!difference.isEmpty()) {
      throw new IllegalArgumentException("prediction and truth are on different grids: " + difference);
    }
    requireConvention("truth", truth);
    requireConvention("prediction", prediction);

    byte[] truthLabels = truth.labelArray();
    byte[] predictionLabels = prediction.labelArray();
    Crop crop = Crop.around(grid.dimensions(), lesionWise.dilationIterations() + 1, truthLabels, predictionLabels);
    double[] spacingMm = grid.spacingMm();
    double voxelMl = grid.voxelVolumeMl();

    Map<Region, RegionMetrics> metrics = new EnumMap<>(Region.class);
    for (Region region : Region.values()) {
      if (crop == null) {
        metrics.put(region, bothEmpty(region));
        continue;
      }
      boolean[] members = region.members(convention);
      boolean[] t = crop.extract(truthLabels, members);
      boolean[] p = crop.extract(predictionLabels, members);
      metrics.put(region, evaluateRegion(region, t, p, crop, spacingMm, voxelMl, grid.voxelCount()));
    }
    return metrics;
  }

  private RegionMetrics evaluateRegion(Region region, boolean[] truth, boolean[] prediction, Crop crop,
      double[] spacingMm, double voxelMl, long gridVoxels) {
    long truthCount = 0;
    long predictionCount = 0;
    long overlap = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i]) {
        truthCount++;
        if (prediction[i]) {
          overlap++;
        }
      }
      if (prediction[i]) {
        predictionCount++;
      }
    }
    if (truthCount == 0 && predictionCount == 0) {
      return bothEmpty(region);
    }

    double dice = 2.0 * overlap / (truthCount + predictionCount);
    long falsePositives = predictionCount - overlap;
    long trueNegatives = gridVoxels - truthCount - falsePositives;
    double sensitivity = truthCount == 0 ? 0 : (double) overlap / truthCount;
    double specificity = (double) trueNegatives / (trueNegatives + falsePositives);

    double hd95;
    double surfaceDice;
    LesionWiseScores lesions;
    if (truthCount == 0) {
      hd95 = EMPTY_MASK_HD95_MM;
      surfaceDice = 0;
      lesions = lesionWise.evaluateEmptyTruth(prediction, crop.box());
    } else if (predictionCount == 0) {
      hd95 = EMPTY_MASK_HD95_MM;
      surfaceDice = 0;
      lesions = lesionWise.evaluate(truth, prediction, crop.box(), spacingMm);
    } else {
      SurfaceDistances distances = SurfaceDistances.of(truth, prediction, crop.box(), spacingMm);
      hd95 = distances.hd95();
      surfaceDice = distances.surfaceDice(SURFACE_DICE_TOLERANCE_MM);
      lesions = lesionWise.evaluate(truth, prediction, crop.box(), spacingMm);
    }
    return new RegionMetrics(region, dice, hd95, surfaceDice, sensitivity, specificity,
        truthCount * voxelMl, predictionCount * voxelMl, lesions);
  }

  private static RegionMetrics bothEmpty(Region region) {
    return new RegionMetrics(region, 1, 0, 1, 1, 1, 0, 0,
        new LesionWiseScores(1, 0, 0, 0, 0, java.util.List.of()));
  }

  private void requireConvention(String role, LabelVolume volume) {
    for (int label : volume.distinctLabels()) {
      if (!convention.allows(label)) {
        throw new IllegalArgumentException(role + " contains label " + label + ", which is not part of "
            + convention + " (labels " + convention.describeLabels() + ")");
      }
    }
  }
}
