package io.github.bratsensemble.algorithms;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.TransformFiles;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the real test cases as algorithm input. */
public final class RealCases {
  /** The six BraTS algorithm outputs shipped with the TCGA-DU-7294 example. */
  public static final List<String> TCGA_SEGMENTATIONS =
      List.of("lfb_rwth", "mic-dkfz", "scan", "scan_2019", "xfeng", "zyx_2019");

  private RealCases() {}

  /** Reads a BraTS 2023 case folder ({@code <case>-t1n.nii.gz} and so on), without a mask. */
  public static BratsCase readBrats2023(Path folder) throws IOException {
    String caseId = folder.getFileName().toString();
    String prefix = caseId.startsWith("BraTS-") ? caseId : "BraTS-" + caseId.replaceFirst("^brats2023-", "");
    return BratsCase.of(
        Nifti.readFloat(folder.resolve(prefix + "-t1n.nii.gz")),
        Nifti.readFloat(folder.resolve(prefix + "-t1c.nii.gz")),
        Nifti.readFloat(folder.resolve(prefix + "-t2w.nii.gz")),
        Nifti.readFloat(folder.resolve(prefix + "-t2f.nii.gz")));
  }

  /**
   * Reconstructs TCGA-DU-7294 in BraTS space: each HD-BET native image is resampled onto
   * {@link Grid#BRATS} through {@code native_t1_to_brats.mat} and, for T1c, T2 and FLAIR, the
   * sequence's {@code *_to_t1.mat} (cubic B-spline, 0 outside), with the BraTS-space HD-BET mask.
   */
  public static BratsCase reconstructTcga(Path caseFolder) throws IOException {
    Path registrations = caseFolder.resolve("registrations");
    AffineTransform bratsToT1 = TransformFiles.read(registrations.resolve("native_t1_to_brats.mat"));
    String[] names = {"t1", "t1c", "t2", "fla"};
    FloatVolume[] images = new FloatVolume[4];
    for (int s = 0; s < 4; s++) {
      AffineTransform transform = s == 0
          ? bratsToT1
          : TransformFiles.read(registrations.resolve(names[s] + "_to_t1.mat")).after(bratsToT1);
      FloatVolume image = Nifti.readFloat(caseFolder.resolve("hdbet_native").resolve(names[s] + ".nii.gz"));
      FloatVolume resampled = Resampler.resample(image, Grid.BRATS, transform, Interpolation.BSPLINE, 0f);
      float[] values = resampled.voxelArray();
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.max(0, values[i]);
      }
      images[s] = resampled;
    }
    LabelVolume mask = Nifti.readLabels(caseFolder.resolve("masks").resolve("brats_space.nii.gz"));
    return new BratsCase(images[0], images[1], images[2], images[3], mask.withGrid(Grid.BRATS));
  }

  /** Returns the majority vote of the six real BraTS algorithm outputs of TCGA-DU-7294. */
  public static LabelVolume tcgaReference(Path caseFolder) throws IOException {
    List<LabelVolume> outputs = new ArrayList<>();
    for (String name : TCGA_SEGMENTATIONS) {
      outputs.add(Nifti.readLabels(caseFolder.resolve("segmentations").resolve(name + ".nii.gz")).withGrid(Grid.BRATS));
    }
    return RegionMajority.vote(outputs);
  }
}
