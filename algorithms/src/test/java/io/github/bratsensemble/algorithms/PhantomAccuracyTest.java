package io.github.bratsensemble.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accuracy of the built-in algorithms on phantoms. The consensus is a region-wise majority vote
 * ({@link RegionMajority}); the project's fusion module offers the same vote and SIMPLE.
 */
class PhantomAccuracyTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void majorityMeetsDiceTargets(long seed) {
    Phantom phantom = PhantomFixtures.plain(seed);
    BratsCase input = phantom.toCase();
    LabelVolume truth = phantom.truthBrats2021();
    List<LabelVolume> outputs = new ArrayList<>();
    for (BuiltinAlgorithm algorithm : BuiltinAlgorithms.all()) {
      LabelVolume output = algorithm.segment(input);
      outputs.add(output);
      double[] dice = RegionDice.dice(output, truth);
      System.out.printf(Locale.ROOT, "phantom %d %s: WT %.3f TC %.3f ET %.3f%n", seed, algorithm.id(), dice[0], dice[1], dice[2]);
      assertTrue(dice[0] >= 0.80, algorithm.id() + " WT Dice " + dice[0]);
      assertTrue(dice[2] >= 0.80, algorithm.id() + " ET Dice " + dice[2]);
    }

    double[] dice = RegionDice.dice(RegionMajority.vote(outputs), truth);

    System.out.printf(Locale.ROOT, "phantom %d majority: WT %.3f TC %.3f ET %.3f%n", seed, dice[0], dice[1], dice[2]);
    assertTrue(dice[0] >= 0.90, "majority WT Dice " + dice[0]);
    assertTrue(dice[1] >= 0.80, "majority TC Dice " + dice[1]);
    assertTrue(dice[2] >= 0.75, "majority ET Dice " + dice[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"intensity-outlier", "gmm", "region-growing"})
  void repeatedRunsGiveSameLabels(String id) {
    BratsCase input = PhantomFixtures.plain(1).toCase();
    BuiltinAlgorithm algorithm = BuiltinAlgorithms.byId(id);

    assertArrayEquals(algorithm.segment(input).labelArray(), algorithm.segment(input).labelArray());
  }
}
