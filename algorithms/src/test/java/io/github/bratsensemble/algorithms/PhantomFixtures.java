package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import java.util.HashMap;
import java.util.Map;

/** Phantoms shared by the tests of one JVM, generated once per seed (each takes a few seconds). */
public final class PhantomFixtures {
  private static final Map<Long, Phantom> CACHE = new HashMap<>();

  private PhantomFixtures() {}

  public static synchronized Phantom plain(long seed) {
    return CACHE.computeIfAbsent(seed, s -> PhantomGenerator.generate(PhantomOptions.ofSeed(s)));
  }
}
