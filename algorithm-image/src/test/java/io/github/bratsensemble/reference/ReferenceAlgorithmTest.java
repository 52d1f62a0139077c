package io.github.bratsensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bratsensemble.algorithms.BratsCase;
import io.github.bratsensemble.algorithms.BuiltinAlgorithm;
import io.github.bratsensemble.algorithms.BuiltinAlgorithms;
import io.github.bratsensemble.algorithms.phantom.Phantom;
import io.github.bratsensemble.algorithms.phantom.PhantomGenerator;
import io.github.bratsensemble.algorithms.phantom.PhantomOptions;
import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference program on a skull-stripped synthetic phantom (seed 3) written once in the {@code gz-b17} layout;
 * each test copies the files into its own folder in the layout it needs.
 */
class ReferenceAlgorithmTest {
  private static final String[] GZ_B17 = {"t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "flair.nii.gz"};

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  private static Phantom phantom;
  private static BratsCase writtenCase;
  private static final Map<String, LabelVolume> DIRECT = new ConcurrentHashMap<>();

  @BeforeAll
  static void writePhantom() throws IOException {
    phantom = PhantomGenerator.generate(PhantomOptions.ofSeed(3));
    FloatVolume[] sequences = {phantom.t1(), phantom.t1c(), phantom.t2(), phantom.flair()};
    byte[] brain = phantom.brainMask().labelArray();
    for (int s = 0; s < 4; s++) {
      // Skull stripping, as in preprocessed BraTS cases: the container takes voxels above 0 as brain.
      float[] stripped = sequences[s].voxelArray().clone();
      for (int i = 0; i < stripped.length; i++) {
        stripped[i] = brain[i] != 0 ? stripped[i] : 0f;
      }
      Nifti.writeFloat(shared.resolve(GZ_B17[s]), FloatVolume.wrap(sequences[s].grid(), stripped));
    }
    writtenCase = BratsCase.of(Nifti.readFloat(shared.resolve(GZ_B17[0])), Nifti.readFloat(shared.resolve(GZ_B17[1])),
        Nifti.readFloat(shared.resolve(GZ_B17[2])), Nifti.readFloat(shared.resolve(GZ_B17[3])));
  }

  /** Returns what the algorithm computes in-process from the written files. */
  private static LabelVolume direct(String id) {
    return DIRECT.computeIfAbsent(id, key -> BuiltinAlgorithms.byId(key).segment(writtenCase));
  }

  /** Copies the phantom into {@code folder} under the names t1, t1c, t2, flair given. */
  private static void copyCase(Path folder, String... names) throws IOException {
    Files.createDirectories(folder);
    for (int s = 0; s < 4; s++) {
      Files.copy(shared.resolve(GZ_B17[s]), folder.resolve(names[s]), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static double wholeTumourDice(LabelVolume labels, LabelVolume truth) {
    long both = 0;
    long a = 0;
    long b = 0;
    for (int i = 0; i < labels.voxelCount(); i++) {
      boolean x = labels.label(i) != 0;
      boolean y = truth.label(i) != 0;
      a += x ? 1 : 0;
      b += y ? 1 : 0;
      both += x && y ? 1 : 0;
    }
    return 2.0 * both / (a + b);
  }

  @Test
  void toolkitLayoutWritesTumorClass() throws Exception {
    copyCase(dir, "t1.nii.gz", "t1ce.nii.gz", "t2.nii.gz", "flair.nii.gz");
    int code = ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--id", "ref",
        "--algorithm", "intensity-outlier"}, null);
    assertEquals(0, code);
    LabelVolume labels = Nifti.readLabels(dir.resolve("results/tumor_ref_class.nii.gz"));
    assertTrue(labels.grid().matches(Grid.BRATS, 1e-6));
    assertArrayEquals(direct("intensity-outlier").labelArray(), labels.labelArray());
  }

  @Test
  void mlcubeLayoutWritesSubjectFile() throws Exception {
    String subject = "BraTS-GLI-00000-000";
    copyCase(dir.resolve("in/" + subject), subject + "-t1n.nii.gz", subject + "-t1c.nii.gz",
        subject + "-t2w.nii.gz", subject + "-t2f.nii.gz");
    int code = ReferenceAlgorithm.run(new String[] {
        "infer", "--data_path=" + dir.resolve("in"), "--output_path=" + dir.resolve("out"),
        "--algorithm", "region-growing"}, null);
    assertEquals(0, code);
    LabelVolume labels = Nifti.readLabels(dir.resolve("out/" + subject + ".nii.gz"));
    assertArrayEquals(direct("region-growing").labelArray(), labels.labelArray());
  }

  @Test
  void allAlgorithmsCombinedByMajority() throws Exception {
    copyCase(dir, GZ_B17);
    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString()}, null));
    LabelVolume labels = Nifti.readLabels(dir.resolve("results/tumor_reference_class.nii.gz"));
    List<LabelVolume> each = new ArrayList<>();
    for (String id : BuiltinAlgorithms.ids()) {
      each.add(direct(id));
    }
    assertArrayEquals(RegionMajority.combine(Grid.BRATS, each).labelArray(), labels.labelArray());

    double dice = wholeTumourDice(labels, phantom.truth());
    assertTrue(dice >= 0.9, "whole-tumour Dice against the phantom's truth: " + dice);
    long[] histogram = labels.histogram();
    assertTrue(histogram[1] > 0, "necrotic core voxels");
    assertTrue(histogram[2] > 0, "oedema voxels");
    assertTrue(histogram[4] > 0, "enhancing voxels");
  }

  @Test
  void environmentVariableChoosesAlgorithm() throws Exception {
    copyCase(dir, GZ_B17);
    assertEquals(0, ReferenceAlgorithm.run(new String[] {"--input", dir.toString()}, "intensity-outlier"));
    LabelVolume labels = Nifti.readLabels(dir.resolve("results/tumor_reference_class.nii.gz"));
    assertArrayEquals(direct("intensity-outlier").labelArray(), labels.labelArray());
  }

  @Test
  void noSformModeClearsOrientation() throws Exception {
    copyCase(dir, "pat_t1.nii.gz", "pat_t1ce.nii.gz", "pat_t2.nii.gz", "pat_flair.nii.gz");
    int code = ReferenceAlgorithm.run(new String[] {"--input", dir.toString(), "--mode", "no-sform"},
        "intensity-outlier");
    assertEquals(0, code);
    NiftiImage image = Nifti.read(dir.resolve("results/tumor_reference_class.nii.gz"));
    assertEquals(0, image.header().sformCode());
    assertEquals(0, image.header().qformCode());
    assertArrayEquals(direct("intensity-outlier").labelArray(),
        image.toLabelVolume().withGrid(Grid.BRATS).labelArray());
  }

  @Test
  void failureModesMisbehave() throws Exception {
    copyCase(dir, GZ_B17);
    String[] base = {"--input", dir.toString(), "--algorithm", "intensity-outlier", "--mode"};
    Path result = dir.resolve("results/tumor_reference_class.nii.gz");
    assertEquals(3, ReferenceAlgorithm.run(with(base, "fail"), null));
    assertEquals(0, ReferenceAlgorithm.run(with(base, "no-result"), null));
    assertFalse(Files.exists(dir.resolve("results")));

    assertEquals(0, ReferenceAlgorithm.run(with(base, "wrong-grid"), null));
    assertEquals(new Dimensions(120, 120, 78), Nifti.readLabels(result).grid().dimensions());

    assertEquals(0, ReferenceAlgorithm.run(with(base, "empty"), null));
    LabelVolume empty = Nifti.readLabels(result);
    assertTrue(empty.grid().matches(Grid.BRATS, 1e-6));
    assertEquals(empty.voxelCount(), empty.histogram()[0]);

    assertEquals(0, ReferenceAlgorithm.run(with(base, "bad-labels"), null));
    assertEquals(1, Nifti.readLabels(result).histogram()[7]);
  }

  private static String[] with(String[] base, String last) {
    String[] args = java.util.Arrays.copyOf(base, base.length + 1);
    args[base.length] = last;
    return args;
  }

  @Test
  void missingInputsNamed() {
    IOException e = assertThrows(IOException.class,
        () -> ReferenceAlgorithm.run(new String[] {"--input", dir.toString()}, null));
    assertEquals("no input images found in " + dir
        + "; expected t1/t1c/t2/flair files of a BraTS Toolkit format or a BraTS 2023 subject folder", e.getMessage());
  }

  @Test
  void unknownArgumentRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReferenceAlgorithm.run(new String[] {"--colour", "red"}, null));
    assertEquals("unknown argument \"--colour\"", e.getMessage());
  }

  @Test
  void unknownAlgorithmRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReferenceAlgorithm.run(new String[] {"--algorithm", "unet"}, null));
    assertEquals("unknown algorithm \"unet\"; expected all or one of intensity-outlier, gmm, region-growing",
        e.getMessage());
  }

  @Test
  void unknownModeRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReferenceAlgorithm.run(new String[] {"--mode", "explode"}, null));
    assertEquals("unknown mode \"explode\"", e.getMessage());
  }
}
