package io.github.bratsensemble.cli.report;

import io.github.bratsensemble.cli.report.CaseReport.NamedSegmentation;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.List;

/** Finds the voxel that report slices pass through. */
final class TumourCentre {
  private TumourCentre() {}

  /**
   * Returns the rounded centre of mass of the consensus foreground; when the consensus is absent or
   * empty, that of every segmentation's foreground together; when all are empty, the grid centre.
   */
  static int[] of(Dimensions dimensions, LabelVolume consensus, List<NamedSegmentation> segmentations) {
    if (consensus != null) {
      int[] centre = centreOfMass(dimensions, List.of(consensus.labelArray()));
      if (centre != null) {
        return centre;
      }
    }
    int[] centre = centreOfMass(dimensions, segmentations.stream().map(s -> s.labels().labelArray()).toList());
    if (centre != null) {
      return centre;
    }
    return new int[] {dimensions.nx() / 2, dimensions.ny() / 2, dimensions.nz() / 2};
  }

  private static int[] centreOfMass(Dimensions dimensions, List<byte[]> labelArrays) {
    int nx = dimensions.nx();
    int ny = dimensions.ny();
    double sumX = 0;
    double sumY = 0;
    double sumZ = 0;
    long count = 0;
    for (byte[] labels : labelArrays) {
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] != 0) {
          sumX += i % nx;
          sumY += (i / nx) % ny;
          sumZ += i / (nx * ny);
          count++;
        }
      }
    }
    if (count == 0) {
      return null;
    }
    return new int[] {(int) Math.round(sumX / count), (int) Math.round(sumY / count), (int) Math.round(sumZ / count)};
  }
}
