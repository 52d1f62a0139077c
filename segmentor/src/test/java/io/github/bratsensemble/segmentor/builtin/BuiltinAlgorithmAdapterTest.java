package io.github.bratsensemble.segmentor.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.algorithms.phantom.PhantomWriter;
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
import io.github.bratsensemble.segmentor.staging.CaseInputs;
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
  void brainMaskLimitsTheSearch(@TempDir Path dir) throws Exception {
    // The phantom's images are not skull-stripped; its brain mask file is the only way to the brain.
    List<Path> files = PhantomWriter.write(PhantomGenerator.generate(PhantomOptions.ofSeed(3)), dir.resolve("in"), "p");
    LabelVolume truth = Nifti.readLabels(files.get(4));
    CaseInputs unmasked = new CaseInputs("p", files.get(0), files.get(1), files.get(2), files.get(3), truth.grid());
    var adapter = List.<io.github.bratsensemble.segmentor.SegmentationAlgorithm>of(
        BuiltinAlgorithmAdapter.of(builtin("intensity-outlier")));
    Segmentor segmentor = new Segmentor(List.of(), new Segmentor.Options(1, 1));

    segmentor.run(unmasked.withBrainMask(files.get(5)), adapter, dir.resolve("masked"));
    segmentor.run(unmasked, adapter, dir.resolve("unmasked"));

    long truthWt = tumourVoxels(truth);
    long masked = tumourVoxels(Nifti.readLabels(dir.resolve("masked/builtin-intensity-outlier.nii.gz")));
    long unmaskedWt = tumourVoxels(Nifti.readLabels(dir.resolve("unmasked/builtin-intensity-outlier.nii.gz")));
    assertTrue(masked < 2 * truthWt, "with the mask: " + masked + " voxels, truth " + truthWt);
    assertTrue(unmaskedWt > 3 * masked, "without the mask: " + unmaskedWt + " voxels, with it " + masked);
  }

  private static long tumourVoxels(LabelVolume labels) {
    return labels.voxelCount() - labels.histogram()[0];
  }

  @Test
  void unknownBuiltinRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltinAlgorithmAdapter.of(builtin("nope")));
    assertTrue(e.getMessage().startsWith("builtin-nope: unknown built-in algorithm 'nope'; known: "), e.getMessage());
  }
}
