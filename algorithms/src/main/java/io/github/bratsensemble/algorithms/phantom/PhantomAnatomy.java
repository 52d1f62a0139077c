package io.github.bratsensemble.algorithms.phantom;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tissue map of a phantom head on a 1 mm grid, in voxel coordinates.
 *
 * <p>The head is a lobulated ellipsoid (semi-axes about 80 x 100 x 78 mm) in layers from outside
 * in: scalp, skull, CSF, a folded grey-matter cortex, white matter, deep grey nuclei, two lateral
 * ventricles and a midline fissure of CSF. Tumours ({@link Lesion}) replace the brain tissue they
 * cover; oedema only replaces grey and white matter, as vasogenic oedema spreads in the
 * parenchyma and not into CSF.
 */
final class PhantomAnatomy {
  private static final double SCALP = 1.0;
  private static final double SKULL = 0.94;
  private static final double CSF = 0.88;
  private static final double BRAIN = 0.84;

  final Dimensions dimensions;
  final byte[] tissue;
  /** 1 within the brain surface (grey and white matter, ventricles, fissure, tumour), else 0. */
  final byte[] brain;
  /** Depth inside the oedema boundary in voxels for oedema voxels, else 0. */
  final float[] edemaDepth;
  final List<Lesion> lesions = new ArrayList<>();

  private final double cx;
  private final double cy;
  private final double cz;
  private final double[] headShape;

  PhantomAnatomy(Dimensions dimensions, SplittableRandom random, boolean secondLesion) {
    this.dimensions = dimensions;
    this.tissue = new byte[dimensions.voxelCount()];
    this.brain = new byte[dimensions.voxelCount()];
    this.edemaDepth = new float[dimensions.voxelCount()];
    this.cx = (dimensions.nx() - 1) / 2.0;
    this.cy = (dimensions.ny() - 1) / 2.0 + random.nextDouble(-4, 4);
    this.cz = dimensions.nz() * 0.45;
    this.headShape = new double[] {
        random.nextDouble(74, 82), random.nextDouble(94, 102), random.nextDouble(72, 80),
        random.nextDouble(0, 2 * Math.PI), random.nextDouble(0, 2 * Math.PI)};
    double[] folds = {random.nextDouble(0, 2 * Math.PI), random.nextDouble(0, 2 * Math.PI), random.nextDouble(0, 2 * Math.PI)};
    buildHead(folds);

    int side = random.nextBoolean() ? 1 : -1;
    lesions.add(new Lesion(lesionCentre(random, side), random.nextDouble(5, 11), random.nextDouble(2.5, 4.5),
        random.nextDouble(10, 20), random));
    if (secondLesion) {
      lesions.add(new Lesion(lesionCentre(random, -side), random.nextDouble(0, 3), random.nextDouble(2.5, 4),
          random.nextDouble(4, 8), random));
    }
    for (Lesion lesion : lesions) {
      paint(lesion);
    }
  }

  /** Returns the normalised head radius at a voxel: below 0.84 is brain, above 1 is air. */
  private double headRadius(double x, double y, double z) {
    double dx = (x - cx) / headShape[0];
    double dy = (y - cy) / headShape[1];
    double dz = (z - cz) / headShape[2];
    double radius = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double lobulation = 1 + 0.025 * Math.cos(3 * Math.atan2(dy, dx) + headShape[3]) + 0.02 * Math.cos(2 * dz * Math.PI + headShape[4]);
    return radius / lobulation;
  }

  private void buildHead(double[] folds) {
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          double r = headRadius(x, y, z);
          Tissue t;
          if (r > SCALP) {
            t = Tissue.BACKGROUND;
          } else if (r > SKULL) {
            t = Tissue.SCALP;
          } else if (r > CSF) {
            t = Tissue.SKULL;
          } else if (r > BRAIN) {
            t = Tissue.CSF;
          } else {
            t = brainTissue(x, y, z, r, folds);
            brain[x + nx * (y + ny * z)] = 1;
          }
          tissue[x + nx * (y + ny * z)] = (byte) t.ordinal();
        }
      }
    }
  }

  private Tissue brainTissue(double x, double y, double z, double r, double[] folds) {
    // Lateral ventricles: two ellipsoids beside the midline, slightly above the centre.
    for (int side = -1; side <= 1; side += 2) {
      double vx = (x - (cx + side * 9)) / 5.5;
      double vy = (y - (cy + 4)) / 24;
      double vz = (z - (cz + 8)) / 9;
      if (vx * vx + vy * vy + vz * vz < 1) {
        return Tissue.CSF;
      }
    }
    // Deep grey matter (thalamus and basal ganglia): two ellipsoids lateral to the ventricles.
    for (int side = -1; side <= 1; side += 2) {
      double gx = (x - (cx + side * 22)) / 11;
      double gy = (y - cy) / 18;
      double gz = (z - cz) / 12;
      if (gx * gx + gy * gy + gz * gz < 1) {
        return Tissue.GREY_MATTER;
      }
    }
    // Interhemispheric fissure above the ventricles.
    if (Math.abs(x - cx) < 1.0 && z > cz + 12 && r > 0.35) {
      return Tissue.CSF;
    }
    // Cortex: a folded band below the brain surface, 2.5 to 14 mm deep, with gyri about 14 mm
    // apart, so that grey matter is about 40 % of the brain as in adults.
    double fold = Math.sin(x * 0.45 + folds[0]) * Math.sin(y * 0.45 + folds[1]) * Math.sin(z * 0.45 + folds[2]);
    double whiteMatterBoundary = BRAIN - 0.10 - 0.07 * fold;
    return r > whiteMatterBoundary ? Tissue.GREY_MATTER : Tissue.WHITE_MATTER;
  }

  private double[] lesionCentre(SplittableRandom random, int side) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      double x = cx + side * random.nextDouble(22, 38);
      double y = cy + random.nextDouble(-35, 35);
      double z = cz + random.nextDouble(-5, 25);
      if (headRadius(x, y, z) < 0.6) {
        return new double[] {x, y, z};
      }
    }
    return new double[] {cx + side * 25, cy, cz + 10};
  }

  private void paint(Lesion lesion) {
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    int nz = dimensions.nz();
    double[] c = lesion.centre();
    int reach = (int) Math.ceil(lesion.maxRadius());
    double[] depth = new double[1];
    for (int z = Math.max(0, (int) c[2] - reach); z <= Math.min(nz - 1, (int) c[2] + reach); z++) {
      for (int y = Math.max(0, (int) c[1] - reach); y <= Math.min(ny - 1, (int) c[1] + reach); y++) {
        for (int x = Math.max(0, (int) c[0] - reach); x <= Math.min(nx - 1, (int) c[0] + reach); x++) {
          int i = x + nx * (y + ny * z);
          if (brain[i] == 0) {
            continue;
          }
          Tissue current = Tissue.VALUES[tissue[i]];
          Tissue lesionTissue = lesion.tissueAt(x - c[0], y - c[1], z - c[2], depth);
          if (lesionTissue == null) {
            continue;
          }
          if (lesionTissue == Tissue.EDEMA) {
            if (current == Tissue.GREY_MATTER || current == Tissue.WHITE_MATTER) {
              tissue[i] = (byte) Tissue.EDEMA.ordinal();
              edemaDepth[i] = (float) depth[0];
            }
          } else if (current != Tissue.ENHANCING || lesionTissue == Tissue.ENHANCING) {
            tissue[i] = (byte) lesionTissue.ordinal();
          }
        }
      }
    }
  }
}
