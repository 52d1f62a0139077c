package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.registry.Modality;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The brain mask of a case already in BraTS space ({@code --preprocessed}), and the check that a
 * case without one is skull-stripped.
 *
 * <p>A brain mask is a NIfTI file in the case folder whose name, without {@code .nii} or {@code
 * .nii.gz}, ends in {@code -brainmask}, {@code _brainmask}, {@code -brain_mask}, {@code
 * _brain_mask}, {@code -mask} or {@code _mask} (any letter case); when several match, the first in
 * name order is used. The case's images are then masked into {@code <case>/preprocessed/}.
 */
final class BrainMasks {
  /**
   * The largest non-zero volume in mL that a skull-stripped T1 may have. This is an estimate with a
   * margin: an adult intracranial volume is roughly 1200 to 1800 mL, and the unstripped phantom
   * head has more than 2500 mL.
   */
  static final double MAX_BRAIN_ML = 2500;

  private static final List<String> SUFFIXES =
      List.of("-brainmask", "_brainmask", "-brain_mask", "_brain_mask", "-mask", "_mask");

  private static final Map<Modality, String> SUFFIXES_BY_MODALITY =
      Map.of(Modality.T1, "t1n", Modality.T1C, "t1c", Modality.T2, "t2w", Modality.FLAIR, "t2f");

  private BrainMasks() {}

  /** Returns the brain mask file of {@code caseFolder}, or {@code null} when there is none. */
  static Path find(Path caseFolder) throws IOException {
    try (Stream<Path> entries = Files.list(caseFolder)) {
      return entries.filter(Files::isRegularFile).filter(file -> isMaskName(file.getFileName().toString()))
          .sorted().findFirst().orElse(null);
    }
  }

  /**
   * Writes the four images with every voxel outside {@code mask} set to 0 into {@code folder} and
   * returns inputs that name these copies and the mask, so that every algorithm, built-in or
   * container, sees skull-stripped images.
   *
   * @throws IOException when an image cannot be read or written, or the mask is on another grid
   */
  static CaseInputs maskedCopies(CaseInputs inputs, Path mask, Path folder) throws IOException {
    LabelVolume brain = Nifti.readLabels(mask);
    String difference = inputs.grid().describeDifference(brain.grid(), Grid.DEFAULT_TOLERANCE_MM);
    if (!difference.isEmpty()) {
      throw new IOException("brain mask " + mask + " is not on the grid of the case's images: " + difference);
    }
    byte[] inside = brain.labelArray();
    Files.createDirectories(folder);
    Map<Modality, Path> copies = new EnumMap<>(Modality.class);
    for (Map.Entry<Modality, Path> entry : inputs.byModality().entrySet()) {
      FloatVolume image = Nifti.readFloat(entry.getValue());
      float[] voxels = image.voxelArray();
      for (int i = 0; i < voxels.length; i++) {
        if (inside[i] == 0) {
          voxels[i] = 0;
        }
      }
      Path copy = folder.resolve(inputs.caseId() + "-" + SUFFIXES_BY_MODALITY.get(entry.getKey()) + ".nii.gz");
      Nifti.writeFloat(copy, image);
      copies.put(entry.getKey(), copy);
    }
    return new CaseInputs(inputs.caseId(), copies.get(Modality.T1), copies.get(Modality.T1C), copies.get(Modality.T2),
        copies.get(Modality.FLAIR), inputs.grid(), mask);
  }

  static boolean isMaskName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    String stem;
    if (name.endsWith(".nii.gz")) {
      stem = name.substring(0, name.length() - ".nii.gz".length());
    } else if (name.endsWith(".nii")) {
      stem = name.substring(0, name.length() - ".nii".length());
    } else {
      return false;
    }
    return SUFFIXES.stream().anyMatch(stem::endsWith);
  }

  /**
   * Checks that {@code t1} looks skull-stripped: its non-zero voxels add up to at most {@link
   * #MAX_BRAIN_ML}.
   *
   * @throws IOException when the image cannot be read or its non-zero volume is larger
   */
  static void requireSkullStripped(Path t1) throws IOException {
    FloatVolume image = Nifti.readFloat(t1);
    long nonZero = 0;
    for (float v : image.voxelArray()) {
      if (v != 0) {
        nonZero++;
      }
    }
    double ml = nonZero * image.grid().voxelVolumeMl();
    if (ml > MAX_BRAIN_ML) {
      throw new IOException(String.format(Locale.ROOT, "the inputs do not look skull-stripped: %s has %.0f mL of"
          + " non-zero voxels, more than the %.0f mL of a brain; add a brain mask (<case>-brainmask.nii.gz) to the"
          + " case folder, or run without --preprocessed to skull-strip it", t1, ml, MAX_BRAIN_ML));
    }
  }
}
