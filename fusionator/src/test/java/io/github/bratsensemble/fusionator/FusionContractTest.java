package io.github.bratsensemble.fusionator;

import static io.github.bratsensemble.fusionator.TestInputs.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties every fusion method must have. */
class FusionContractTest {
  private static final int[] CASE = {0, 1, 2, 4, 4, 2, 2, 0, 1, 0};

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void unanimousInputsAreReproduced(FusionMethod method) {
    int[] fused = TestInputs.fuse(rows(CASE, CASE, CASE), FusionOptions.defaults(method));
    assertArrayEquals(CASE, fused);
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void allBackgroundGivesBackground(FusionMethod method) {
    int[] empty = new int[10];
    assertArrayEquals(empty, TestInputs.fuse(rows(empty, empty, empty, empty), FusionOptions.defaults(method)));
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void emptyInputDoesNotErase(FusionMethod method) {
    // One input is empty; three agree on the case.
    assertArrayEquals(CASE, TestInputs.fuse(rows(CASE, CASE, CASE, new int[10]), FusionOptions.defaults(method)));
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void inputsAreNeverModified(FusionMethod method) {
    Random random = new Random(7L);
    int[] labels = {0, 1, 2, 4};
    List<FusionInput> inputs = new ArrayList<>();
    List<byte[]> copies = new ArrayList<>();
    Grid grid = new Grid(new Dimensions(6, 5, 4), Affine.identity());
    for (int i = 0; i < 5; i++) {
      byte[] voxels = new byte[grid.voxelCount()];
      for (int v = 0; v < voxels.length; v++) {
        voxels[v] = (byte) labels[random.nextInt(4)];
      }
      copies.add(voxels.clone());
      inputs.add(new FusionInput("in" + i, LabelVolume.wrap(grid, voxels), LabelConvention.BRATS2021));
    }
    FusionResult result = Fusion.fuse(inputs, FusionOptions.defaults(method));
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(copies.get(i), inputs.get(i).labels().labelArray(), "input " + i);
    }
    assertSame(grid, result.fused().grid());
    // Every output label belongs to the convention.
    for (int v = 0; v < grid.voxelCount(); v++) {
      int label = result.fused().label(v);
      assertEquals(true, LabelConvention.BRATS2021.allows(label), "voxel " + v + " label " + label);
    }
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void outputTakesReferenceGrid(FusionMethod method) {
    Grid first = new Grid(new Dimensions(10, 1, 1), Affine.identity());
    Grid second = new Grid(new Dimensions(10, 1, 1), Affine.translation(0.0004, 0, 0));
    List<FusionInput> inputs = List.of(
        new FusionInput("a", TestInputs.volume(first, CASE), LabelConvention.BRATS2021),
        new FusionInput("b", TestInputs.volume(second, CASE), LabelConvention.BRATS2021));
    assertSame(second, Fusion.fuse(inputs, FusionOptions.defaults(method).withReferenceIndex(1)).fused().grid());
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void singleInputIsCopiedWithWarning(FusionMethod method) {
    FusionResult result = Fusion.fuse(rows(CASE), FusionOptions.defaults(method));
    assertArrayEquals(CASE, TestInputs.labels(result.fused()));
    assertEquals(List.of("only one input (in1): the output is a copy of it"), result.warnings());
  }
}
