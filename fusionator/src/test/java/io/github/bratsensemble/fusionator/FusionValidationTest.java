package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusionValidationTest {
  private static final FusionOptions MAJORITY = FusionOptions.defaults(FusionMethod.MAJORITY);

  @TempDir
  Path dir;

  private static String message(List<FusionInput> inputs, FusionOptions options) {
    return assertThrows(IllegalArgumentException.class, () -> Fusion.fuse(inputs, options)).getMessage();
  }

  @Test
  void zeroInputsRejected() {
    assertEquals("at least one input label map is required", message(List.of(), MAJORITY));
  }

  @Test
  void affineBeyondToleranceRejected() {
    Grid a = new Grid(new Dimensions(2, 1, 1), Affine.identity());
    Grid b = new Grid(new Dimensions(2, 1, 1), Affine.translation(0, 0.002, 0));
    List<FusionInput> inputs = List.of(new FusionInput("a.nii", TestInputs.volume(a, 1, 0), LabelConvention.BRATS2021),
        new FusionInput("b.nii", TestInputs.volume(b, 1, 0), LabelConvention.BRATS2021));
    assertEquals("inputs a.nii and b.nii are on different grids: affine [1 0 0 0; 0 1 0 0; 0 0 1 0] vs "
        + "[1 0 0 0; 0 1 0 0.002; 0 0 1 0] (max difference 0.002 mm, tolerance 0.001 mm)", message(inputs, MAJORITY));
  }

  @Test
  void affineWithinToleranceAccepted() {
    Grid a = new Grid(new Dimensions(2, 1, 1), Affine.identity());
    Grid b = new Grid(new Dimensions(2, 1, 1), Affine.translation(0, 0.0009, 0));
    List<FusionInput> inputs = List.of(new FusionInput("a.nii", TestInputs.volume(a, 1, 0), LabelConvention.BRATS2021),
        new FusionInput("b.nii", TestInputs.volume(b, 1, 0), LabelConvention.BRATS2021));
    assertArrayEquals(new int[] {1, 0}, TestInputs.labels(Fusion.fuse(inputs, MAJORITY).fused()));
  }

  @Test
  void labelOutsideConventionRejected() {
    Grid grid = new Grid(new Dimensions(2, 2, 2), Affine.identity());
    List<FusionInput> inputs = List.of(
        new FusionInput("a", TestInputs.volume(grid, 0, 0, 0, 0, 0, 0, 0, 1), LabelConvention.BRATS2023),
        new FusionInput("b", TestInputs.volume(grid, 0, 0, 0, 0, 0, 0, 4, 0), LabelConvention.BRATS2023));
    assertEquals("b: label 4 at voxel (0, 1, 1) is not in label convention brats2023 (labels 0, 1, 2, 3)",
        message(inputs, MAJORITY.withConvention(LabelConvention.BRATS2023)));
  }

  @Test
  void customCannotConvertToBrats() {
    List<FusionInput> inputs = List.of(
        new FusionInput("a", TestInputs.volume(TestInputs.rowGrid(1), 1), LabelConvention.custom(1)),
        new FusionInput("b", TestInputs.volume(TestInputs.rowGrid(1), 1), LabelConvention.BRATS2021));
    assertEquals("a: cannot convert labels from custom:1 to brats2021; only brats2021 and brats2023 convert into "
        + "each other", message(inputs, MAJORITY));
  }

  @Test
  void conventionsConvertBothWays() {
    List<FusionInput> inputs = List.of(
        new FusionInput("a", TestInputs.volume(TestInputs.rowGrid(3), 3, 1, 2), LabelConvention.BRATS2023),
        new FusionInput("b", TestInputs.volume(TestInputs.rowGrid(3), 4, 1, 2), LabelConvention.BRATS2021));
    assertArrayEquals(new int[] {4, 1, 2}, TestInputs.fuse(inputs, MAJORITY));
    assertArrayEquals(new int[] {3, 1, 2},
        TestInputs.fuse(inputs, MAJORITY.withConvention(LabelConvention.BRATS2023)));
  }

  @Test
  void weightCountAndValuesChecked() {
    assertEquals("got 1 weights for 2 inputs; give one weight per input",
        message(rows(new int[] {1}, new int[] {1}), MAJORITY.withWeights(1)));
    assertEquals("weight 2 must be a finite number greater than 0 but was -1.0",
        message(rows(new int[] {1}, new int[] {1}), MAJORITY.withWeights(1, -1)));
  }

  @Test
  void conventionParsingRejectsBadText() {
    assertEquals(LabelConvention.custom(3, 1), LabelConvention.parse("custom:3, 1"));
    assertEquals("invalid label convention 'custom:1,x': 'x' is not an integer label",
        assertThrows(IllegalArgumentException.class, () -> LabelConvention.parse("custom:1,x")).getMessage());
    assertEquals("custom label 2 is listed twice",
        assertThrows(IllegalArgumentException.class, () -> LabelConvention.parse("custom:2,2")).getMessage());
    assertEquals("custom label must be in 1..255 but was 0",
        assertThrows(IllegalArgumentException.class, () -> LabelConvention.parse("custom:0")).getMessage());
  }

  @Test
  void folderListingIsSortedByName() throws IOException {
    Grid grid = TestInputs.rowGrid(1);
    for (String name : List.of("c.nii.gz", "A.nii", "b.nii.gz", "notes.txt", "d.nii.gz.bak")) {
      if (name.contains(".nii")  && !name.endsWith(".bak")) {
        Nifti.writeLabels(dir.resolve(name), LabelVolume.wrap(grid, new byte[1]));
      } else {
        Files.writeString(dir.resolve(name), "x");
      }
    }
    assertEquals(List.of("A.nii", "b.nii.gz", "c.nii.gz"),
        FusionInputs.listDirectory(dir).stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void unreadableFileNamesFile() throws IOException {
    Path broken = dir.resolve("broken.nii");
    Files.writeString(broken, "not a nifti file");
    IOException e = assertThrows(IOException.class,
        () -> FusionInputs.read(List.of(broken), List.of(LabelConvention.BRATS2021)));
    assertEquals(true, e.getMessage().startsWith(broken.toString()), e.getMessage());
  }
}
