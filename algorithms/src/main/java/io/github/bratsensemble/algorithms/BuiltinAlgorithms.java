package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.algorithms.gmm.GmmSegmenter;
import io.github.bratsensemble.algorithms.growing.RegionGrowingSegmenter;
import io.github.bratsensemble.algorithms.outlier.IntensityOutlierSegmenter;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** The registry of built-in algorithms, each with its default parameters. */
public final class BuiltinAlgorithms {
  private static final List<BuiltinAlgorithm> ALL = List.of(
      new IntensityOutlierSegmenter(),
      new GmmSegmenter(),
      new RegionGrowingSegmenter());

  private BuiltinAlgorithms() {}

  /** Returns every built-in algorithm, in a fixed order. */
  public static List<BuiltinAlgorithm> all() {
    return ALL;
  }

  /** Returns the identifiers of {@link #all()}, in the same order. */
  public static List<String> ids() {
    return ALL.stream().map(BuiltinAlgorithm::id).collect(Collectors.toList());
  }

  /**
   * Returns the algorithm with identifier {@code id}.
   *
   * @throws NoSuchElementException naming the known identifiers if there is none
   */
  public static BuiltinAlgorithm byId(String id) {
    for (BuiltinAlgorithm algorithm : ALL) {
      if (algorithm.id().equals(id)) {
        return algorithm;
      }
    }
    throw new NoSuchElementException(
        "unknown built-in algorithm '" + id + "'; known: " + String.join(", ", ids()));
  }
}
