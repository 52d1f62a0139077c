package io.github.bratsensemble.segmentor.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.RunSummary;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.registry.AlgorithmKind;
import io.github.bratsensemble.segmentor.registry.GpuRequirement;
import io.github.bratsensemble.segmentor.registry.LabelConvention;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinAlgorithmAdapterTest {

  private static AlgorithmDescriptor builtin(String algorithm) {
    return new AlgorithmDescriptor("builtin-" + algorithm, algorithm, List.of("test"), "", 2026, "glioma",
        AlgorithmKind.BUILTIN, LabelConvention.BRATS2021, GpuRequirement.NONE, true, null, algorithm);
  }

  @Test
  void intensityOutlierOnRealCase(@TempDir Path dir) throws Exception {
    var inputs = CaseDiscovery.discover(TestData.require("brats2023-GLI-00001-000"));
    RunSummary summary = new Segmentor(List.of(), new Segmentor.Options(1, 1))
        .run(inputs, List.of(BuiltinAlgorithmAdapter.of(builtin("intensity-outlier"))), dir);
    assertEquals(RunStatus.OK, summary.runs().get(0).status(), summary.runs().get(0).reason());
    LabelVolume labels = Nifti.readLabels(dir.resolve("builtin-intensity-outlier.nii.gz"));
    long[] histogram = labels.histogram();
    assertEquals(0, histogram[4], "converted to the canonical convention");
    assertTrue(histogram[1] + histogram[2] + histogram[3] > 1000, "tumour found: " + (labels.voxelCount() - histogram[0]));
  }

  @Test
  void unknownBuiltinRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltinAlgorithmAdapter.of(builtin("nope")));
    assertTrue(e.getMessage().startsWith("builtin-nope: unknown built-in algorithm 'nope'; known: "), e.getMessage());
  }
}
