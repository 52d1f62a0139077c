package io.github.bratsensemble.preprocessor.nativespace;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.transform.AntsTransformFile;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.manifest.Manifest;
import io.github.bratsensemble.preprocessor.manifest.ManifestFile;
import io.github.bratsensemble.preprocessor.pipeline.CaseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps label maps between BraTS space and the native grid of one input sequence of a preprocessed
 * case, through the case's {@code <seq>_to_atlas.mat} transform, with label-aware interpolation
 * (each label's indicator is interpolated linearly and the largest wins), so thin structures keep
 * their labels instead of the blockiness of nearest neighbour.
 *
 * <p>The native grid is that of the sequence's input file as stored, read from the case's {@code
 * native/<case>-<seq>_brain_mask.nii.gz}. BraTS-space label maps must have the BraTS dimensions
 * 240x240x155; their own affine is used, so files that store y in the opposite voxel order map
 * correctly. Stateless and thread-safe.
 */
public final class NativeSpace {
  private NativeSpace() {}

  /** A preprocessed case folder read for mapping: its manifest and the native grid of one sequence. */
  public record CaseTransform(Manifest manifest, Grid nativeGrid, AffineTransform bratsToNative) {}

  /**
   * Reads the transform and native grid of {@code sequence} from a case folder.
   *
   * @throws IOException if the folder is not a complete preprocessed case or a file is missing
   */
  public static CaseTransform read(Path caseFolder, Sequence sequence) throws IOException {
    Manifest manifest = ManifestFile.read(caseFolder);
    if (!manifest.isComplete()) {
      throw new IOException(caseFolder + ": manifest is not marked complete; preprocess the case again");
    }
    String id = manifest.caseId();
    Path transformFile = caseFolder.resolve(CaseLayout.toAtlas(id, sequence));
    Path maskFile = caseFolder.resolve(CaseLayout.nativeBrainMask(id, sequence));
    for (Path required : new Path[] {transformFile, maskFile}) {
      if (!Files.isRegularFile(required)) {
        throw new IOException(caseFolder + ": " + caseFolder.relativize(required) + " not found; the case folder"
            + " is incomplete, so preprocess it again");
      }
    }
    Grid nativeGrid = Nifti.read(maskFile).grid();
    return new CaseTransform(manifest, nativeGrid, AntsTransformFile.read(transformFile));
  }

  /**
   * Returns {@code bratsLabels} on the native grid of {@code sequence}.
   *
   * @throws IOException if the case folder is unusable or the label map is not 240x240x155
   */
  public static LabelVolume toNative(Path caseFolder, LabelVolume bratsLabels, Sequence sequence, int threads)
      throws IOException {
    requireBratsDimensions(bratsLabels);
    CaseTransform t = read(caseFolder, sequence);
    // Target: native points; source: BraTS points, so the map is native -> BraTS, the inverse.
    return Resampler.resampleLabels(bratsLabels, t.nativeGrid(), t.bratsToNative().inverse(), Interpolation.LABEL,
        0, threads);
  }

  /** Returns {@code nativeLabels} (on the sequence's native grid or any grid in its world space) on the BraTS grid. */
  public static LabelVolume toBrats(Path caseFolder, LabelVolume nativeLabels, Sequence sequence, int threads)
      throws IOException {
    CaseTransform t = read(caseFolder, sequence);
    return Resampler.resampleLabels(nativeLabels, Grid.BRATS, t.bratsToNative(), Interpolation.LABEL, 0, threads);
  }

  private static void requireBratsDimensions(LabelVolume labels) throws IOException {
    Dimensions d = labels.grid().dimensions();
    if (!d.equals(Grid.BRATS.dimensions())) {
      throw new IOException("label map has dimensions " + d + " but a BraTS-space map of "
          + Grid.BRATS.dimensions() + " is expected");
    }
  }
}
