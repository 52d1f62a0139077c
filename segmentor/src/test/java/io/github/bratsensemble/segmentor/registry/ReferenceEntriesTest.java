package io.github.bratsensemble.segmentor.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped registry's entries for the reference container. */
class ReferenceEntriesTest {

  @Test
  void referenceEntriesChooseAlgorithm() throws Exception {
    AlgorithmRegistry registry = AlgorithmRegistry.load(Path.of("..", "algorithms.json"));
    AlgorithmDescriptor all = registry.get("reference");
    assertFalse(all.enabled(), "reference repeats the in-process built-in algorithms, so it is off by default");
    assertEquals(List.of(), all.docker().command(), "the image's default runs every built-in algorithm");
    for (String algorithm : List.of("intensity-outlier", "gmm", "region-growing")) {
      AlgorithmDescriptor d = registry.get("reference-" + algorithm);
      assertEquals(AlgorithmKind.DOCKER, d.kind());
      assertEquals("brats-ensemble/reference:latest", d.docker().image());
      assertEquals(List.of("--algorithm", algorithm), d.docker().command());
      assertEquals(InputConvention.GZ_B17, d.docker().input());
      assertEquals(LabelConvention.BRATS2021, d.labels());
      assertEquals(GpuRequirement.NONE, d.gpu());
      assertFalse(d.enabled(), d.id() + " repeats the in-process built-in algorithm, so it is off by default");
    }
  }
}
