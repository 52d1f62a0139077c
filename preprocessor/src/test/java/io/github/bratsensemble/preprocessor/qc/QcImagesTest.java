package io.github.bratsensemble.preprocessor.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QcImagesTest {
  @TempDir
  Path dir;

  /** Returns a BraTS-grid image whose value is 1 + the voxel's x index. */
  private static FloatVolume ramp() {
    var d = Grid.BRATS.dimensions();
    float[] v = new float[d.voxelCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1 + i % d.nx();
    }
    return FloatVolume.wrap(Grid.BRATS, v);
  }

  private static LabelVolume box() {
    var d = Grid.BRATS.dimensions();
    byte[] m = new byte[d.voxelCount()];
    for (int z = 50; z < 100; z++) {
      for (int y = 60; y < 180; y++) {
        for (int x = 70; x < 170; x++) {
          m[d.index(x, y, z)] = 1;
        }
      }
    }
    return LabelVolume.wrap(Grid.BRATS, m);
  }

  @Test
  void montageHasOneRowPerImage() throws IOException {
    BufferedImage montage = QcImages.montage(List.of(ramp(), ramp()), box());
    assertEquals(720, montage.getWidth());
    assertEquals(480, montage.getHeight());
    // Axial view of row 0: the mask outline at the box corner (x 70, y 60) is red.
    assertEquals(SliceRenderer.OUTLINE_RGB, montage.getRGB(70, 60) & 0xFFFFFF);
    // Inside the box, grey level follows x; the window spans the 0.5th to 99.5th percentile.
    int inside = montage.getRGB(120, 120) & 0xFF;
    int right = montage.getRGB(160, 120) & 0xFF;
    assertTrue(right > inside, right + " vs " + inside);
    Path file = dir.resolve("montage.png");
    QcImages.writePng(file, montage);
    assertEquals(720, ImageIO.read(file.toFile()).getWidth());
  }

  @Test
  void checkerboardAlternatesSources() {
    FloatVolume bright = FloatVolume.wrap(Grid.BRATS, filled(10));
    FloatVolume dark = FloatVolume.wrap(Grid.BRATS, filled(1));
    BufferedImage board = QcImages.checkerboard(bright, ramp(), box());
    assertEquals(240, board.getHeight());
    // Square (0, 0) shows the first image, square (1, 0) the second.
    int first = board.getRGB(5, 5) & 0xFF;
    int second = board.getRGB(QcImages.SQUARE_VOXELS + 5, 5) & 0xFF;
    assertEquals(SliceRenderer.gray(10, SliceRenderer.window(bright)) & 0xFF, first);
    assertEquals(SliceRenderer.gray(ramp().value(QcImages.SQUARE_VOXELS + 5), SliceRenderer.window(ramp())) & 0xFF,
        second);
    assertEquals(240, QcImages.checkerboard(dark, bright, box()).getHeight());
  }

  private static float[] filled(float value) {
    float[] v = new float[Grid.BRATS.voxelCount()];
    java.util.Arrays.fill(v, value);
    return v;
  }
}
