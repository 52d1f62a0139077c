package io.github.bratsensemble.segmentor.validation;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiHeader;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a label map written by an external algorithm and places it on the case grid.
 *
 * <p>The dimensions must equal the case grid's. The affine must agree with the case grid within
 * {@link Grid#DEFAULT_TOLERANCE_MM}, except that a file whose sform is missing
 * ({@code sform_code} 0) or all zeros is given the case geometry, because several published
 * algorithm containers write results without a usable sform.
 */
public final class ResultFileReader {
  private ResultFileReader() {}

  /** Returns the label map on {@code caseGrid}, or throws naming the file and the problem. */
  public static LabelVolume read(Path file, Grid caseGrid) throws InvalidSegmentationException {
    NiftiImage image;
    LabelVolume labels;
    try {
      image = Nifti.read(file);
      labels = image.toLabelVolume();
    } catch (IOException | RuntimeException e) {
      throw new InvalidSegmentationException(
          "result " + file.getFileName() + " is not a readable 3-D label map: " + e.getMessage(), e);
    }
    Grid grid = labels.grid();
    if (!grid.dimensions().equals(caseGrid.dimensions())) {
      throw new InvalidSegmentationException("result " + file.getFileName() + " has dimensions "
          + grid.dimensions() + " but the input grid is " + caseGrid.dimensions());
    }
    if (grid.matches(caseGrid, Grid.DEFAULT_TOLERANCE_MM)) {
      return labels.withGrid(caseGrid);
    }
    if (sformMissing(image.header())) {
      return labels.withGrid(caseGrid);
    }
    throw new InvalidSegmentationException("result " + file.getFileName() + " is not on the input grid: "
        + grid.describeDifference(caseGrid, Grid.DEFAULT_TOLERANCE_MM));
  }

  static boolean sformMissing(NiftiHeader header) {
    if (header.sformCode() <= 0 || header.sform() == null) {
      return true;
    }
    Affine sform = header.sform();
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        if (sform.get(row, col) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
