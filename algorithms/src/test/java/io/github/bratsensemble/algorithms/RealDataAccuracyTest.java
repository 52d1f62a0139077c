package io.github.bratsensemble.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Accuracy and plausibility of the built-in algorithms on real BraTS-space cases. */
class RealDataAccuracyTest {

  @Test
  void tcgaMajorityMatchesBratsAlgorithms() throws IOException {
    Path folder = TestData.require("brats-toolkit-example/TCGA-DU-7294");
    BratsCase input = RealCases.reconstructTcga(folder);
    LabelVolume reference = RealCases.tcgaReference(folder);

    List<LabelVolume> outputs = new ArrayList<>();
    for (BuiltinAlgorithm algorithm : BuiltinAlgorithms.all()) {
      LabelVolume output = algorithm.segment(input);
      outputs.add(output);
      double[] dice = RegionDice.dice(output, reference);
      System.out.printf(Locale.ROOT, "TCGA-DU-7294 %s: WT %.3f TC %.3f ET %.3f%n", algorithm.id(), dice[0], dice[1], dice[2]);
      assertTrue(dice[0] >= 0.70, algorithm.id() + " WT Dice " + dice[0]);
    }
    double[] dice = RegionDice.dice(RegionMajority.vote(outputs), reference);

    System.out.printf(Locale.ROOT, "TCGA-DU-7294 majority: WT %.3f TC %.3f ET %.3f%n", dice[0], dice[1], dice[2]);
    assertTrue(dice[0] >= 0.75, "majority WT Dice " + dice[0]);
  }

  @Test
  void brats2023OutputsArePlausible() throws IOException {
    BratsCase input = RealCases.readBrats2023(TestData.require("brats2023-GLI-00001-000"));
    double voxelMl = input.grid().voxelVolumeMl();
    assertEquals(0.001, voxelMl, 1e-9);

    List<LabelVolume> outputs = new ArrayList<>();
    for (BuiltinAlgorithm algorithm : BuiltinAlgorithms.all()) {
      LabelVolume output = algorithm.segment(input);
      outputs.add(output);
      long[] h = output.histogram();
      double wholeMl = (h[1] + h[2] + h[4]) * voxelMl;
      double enhancingMl = h[4] * voxelMl;
      System.out.printf(Locale.ROOT, "BraTS-GLI-00001-000 %s: WT %.1f mL TC %.1f mL ET %.1f mL%n",
          algorithm.id(), wholeMl, (h[1] + h[4]) * voxelMl, enhancingMl);
      // The FLAIR hyperintensity of this case measures about 80 mL; the enhancing rims several mL.
      assertTrue(wholeMl > 60, algorithm.id() + " WT " + wholeMl + " mL");
      assertTrue(wholeMl < 110, algorithm.id() + " WT " + wholeMl + " mL");
      assertTrue(enhancingMl > 3, algorithm.id() + " ET " + enhancingMl + " mL");
      assertTrue(enhancingMl < 20, algorithm.id() + " ET " + enhancingMl + " mL");
    }
    for (int a = 0; a < outputs.size(); a++) {
      for (int b = a + 1; b < outputs.size(); b++) {
        double wt = RegionDice.dice(outputs.get(a), outputs.get(b))[0];
        System.out.printf(Locale.ROOT, "BraTS-GLI-00001-000 WT agreement %d-%d: %.3f%n", a, b, wt);
        assertTrue(wt >= 0.75, "WT agreement " + wt);
      }
    }
  }
}
