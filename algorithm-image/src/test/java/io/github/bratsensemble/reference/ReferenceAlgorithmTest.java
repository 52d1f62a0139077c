package io.github.bratsensemble.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference program on a synthetic 10x10x10 case: a brain of 512 voxels with an 8-voxel lesion. */
class ReferenceAlgorithmTest {
  private static final Grid GRID = new Grid(new Dimensions(10, 10, 10), Affine.scaling(-1, -1, 1, 9, 9, 0));

  @TempDir
  Path dir;

  /** Writes T1, T1c, T2 and FLAIR under the given names: brain 1..8 on each axis, lesion 2..3, enhancing x = 2. */
  private void writeCase(Path folder, String t1, String t1c, String t2, String flair) throws IOException {
    Files.createDirectories(folder);
    float[] flairValues = new float[GRID.voxelCount()];
    float[] t1cValues = new float[GRID.voxelCount()];
    Dimensions d = GRID.dimensions();
    for (int z = 1; z <= 8; z++) {
      for (int y = 1; y <= 8; y++) {
        for (int x = 1; x <= 8; x++) {
          boolean lesion = x >= 2 && x <= 3 && y >= 2 && y <= 3 && z >= 2 && z <= 3;
          flairValues[d.index(x, y, z)] = lesion ? 500 : 100;
          t1cValues[d.index(x, y, z)] = lesion && x == 2 ? 900 : 100;
        }
      }
    }
    Nifti.writeFloat(folder.resolve(t1), FloatVolume.wrap(GRID, flairValues));
    Nifti.writeFloat(folder.resolve(t1c), FloatVolume.wrap(GRID, t1cValues));
    Nifti.writeFloat(folder.resolve(t2), FloatVolume.wrap(GRID, flairValues));
    Nifti.writeFloat(folder.resolve(flair), FloatVolume.wrap(GRID, flairValues));
  }

  private static void assertLesion(LabelVolume labels) {
    long[] histogram = labels.histogram();
    assertEquals(4, histogram[2], "oedema voxels");
    assertEquals(4, histogram[4], "enhancing voxels");
    assertEquals(4, labels.label(2, 2, 2));
    assertEquals(2, labels.label(3, 3, 3));
  }

  @Test
  void toolkitLayoutWritesTumorClass() throws Exception {
    writeCase(dir, "t1.nii.gz", "t1ce.nii.gz", "t2.nii.gz", "flair.nii.gz");
    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--id", "ref"}));
    LabelVolume labels = Nifti.readLabels(dir.resolve("results/tumor_ref_class.nii.gz"));
    assertTrue(labels.grid().matches(GRID, 1e-6));
    assertLesion(labels);
  }

  @Test
  void mlcubeLayoutWritesSubjectFile() throws Exception {
    Path subject = dir.resolve("in/BraTS-GLI-00000-000");
    writeCase(subject, "BraTS-GLI-00000-000-t1n.nii.gz", "BraTS-GLI-00000-000-t1c.nii.gz",
        "BraTS-GLI-00000-000-t2w.nii.gz", "BraTS-GLI-00000-000-t2f.nii.gz");
    int code = ReferenceAlgorithm.run(new String[] {
        "infer", "--data_path=" + dir.resolve("in"), "--output_path=" + dir.resolve("out")});
    assertEquals(0, code);
    assertLesion(Nifti.readLabels(dir.resolve("out/BraTS-GLI-00000-000.nii.gz")));
  }

  @Test
  void noSformModeClearsOrientation() throws Exception {
    writeCase(dir, "pat_t1.nii.gz", "pat_t1ce.nii.gz", "pat_t2.nii.gz", "pat_flair.nii.gz");
    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "no-sform"}));
    NiftiImage image = Nifti.read(dir.resolve("results/tumor_reference_class.nii.gz"));
    assertEquals(0, image.header().sformCode());
    assertEquals(0, image.header().qformCode());
    assertLesion(image.toLabelVolume().withGrid(GRID));
  }

  @Test
  void failureModesMisbehave() throws Exception {
    writeCase(dir, "t1.nii", "t1c.nii", "t2.nii", "flair.nii");
    assertEquals(3, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "fail"}));
    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "no-result"}));
    assertFalse(Files.exists(dir.resolve("results")));

    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "wrong-grid"}));
    assertEquals(new Dimensions(5, 5, 5),
        Nifti.readLabels(dir.resolve("results/tumor_reference_class.nii.gz")).grid().dimensions());

    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "bad-labels"}));
    assertEquals(1, Nifti.readLabels(dir.resolve("results/tumor_reference_class.nii.gz")).histogram()[7]);
  }

  @Test
  void missingInputsNamed() {
    IOException e = assertThrows(IOException.class, () -> ReferenceAlgorithm.run(new String[] {"--input", dir.toString()}));
    assertEquals("no input images found in " + dir
        + "; expected t1/t1c/t2/flair files of a BraTS Toolkit format or a BraTS 2023 subject folder", e.getMessage());
  }

  @Test
  void unknownArgumentRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReferenceAlgorithm.run(new String[] {"--colour", "red"}));
    assertEquals("unknown argument \"--colour\"", e.getMessage());
  }
}
