package io.github.bratsensemble.segmentor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileReaderTest {
  private static final Grid GRID = new Grid(new Dimensions(3, 2, 2), Affine.scaling(-1, -1, 1, 2, 1, 0));

  @TempDir
  Path dir;

  @Test
  void matchingGridAccepted() throws Exception {
    Path file = dir.resolve("seg.nii.gz");
    Nifti.writeLabels(file, LabelVolume.zeros(new Grid(GRID.dimensions(),
        Affine.scaling(-1, -1, 1, 2, 1, 0.0004))));
    assertEquals(GRID, ResultFileReader.read(file, GRID).grid());
  }

  @Test
  void wrongAffineRejected() throws Exception {
    Path file = dir.resolve("seg.nii.gz");
    Nifti.writeLabels(file, LabelVolume.zeros(new Grid(GRID.dimensions(), Affine.scaling(1, 1, 1, 0, 0, 0))));
    InvalidSegmentationException e = assertThrows(InvalidSegmentationException.class,
        () -> ResultFileReader.read(file, GRID));
    assertTrue(e.getMessage().startsWith("result seg.nii.gz is not on the input grid: affine [1 0 0 0;"), e.getMessage());
  }

  @Test
  void unreadableFileNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("seg.nii"), "not a nifti file");
    InvalidSegmentationException e = assertThrows(InvalidSegmentationException.class,
        () -> ResultFileReader.read(file, GRID));
    assertTrue(e.getMessage().startsWith("result seg.nii is not a readable 3-D label map: "), e.getMessage());
  }

  @Test
  void realToolkitOutputsAccepted() throws Exception {
    Path segmentations = TestData.require("brats-toolkit-example/TCGA-DU-7294/segmentations");
    Grid reference = Nifti.readLabels(segmentations.resolve("scan.nii.gz")).grid();
    try (var files = Files.list(segmentations)) {
      for (Path file : files.sorted().toList()) {
        LabelVolume labels = ResultFileReader.read(file, reference);
        ValidatedSegmentation valid = SegmentationValidator.validate(file.getFileName().toString(), labels,
            reference, io.github.bratsensemble.segmentor.registry.LabelConvention.BRATS2021);
        assertEquals(0, valid.labels().histogram()[4], file + " converted to the canonical labels");
        long[] histogram = valid.labels().histogram();
        assertTrue(histogram[1] + histogram[2] + histogram[3] > 0, file + " has tumour voxels");
        assertEquals(labels.voxelCount(), histogram[0] + histogram[1] + histogram[2] + histogram[3], file.toString());
      }
    }
  }
}
