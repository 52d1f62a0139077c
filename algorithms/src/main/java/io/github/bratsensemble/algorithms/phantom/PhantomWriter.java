package io.github.bratsensemble.algorithms.phantom;

import io.github.bratsensemble.algorithms.BratsLabels;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link Phantom} as a BraTS 2023 case folder: {@code <case>-t1n.nii.gz},
 * {@code -t1c}, {@code -t2w}, {@code -t2f}, the ground truth {@code <case>-seg.nii.gz} in the
 * BraTS 2023 labels (1 NCR, 2 ED, 3 ET) and the brain mask {@code <case>-brainmask.nii.gz}. Each
 * file is written atomically; existing files of the same names are replaced.
 */
public final class PhantomWriter {
  private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private PhantomWriter() {}

  /**
   * Writes the files and returns their paths in the order t1n, t1c, t2w, t2f, seg, brainmask.
   *
   * @throws IllegalArgumentException if {@code caseId} is not a plain file-name prefix
   * @throws IOException if {@code directory} is a file, cannot be created, or a file cannot be written
   */
  public static List<Path> write(Phantom phantom, Path directory, String caseId) throws IOException {
    if (!CASE_ID.matcher(caseId).matches()) {
      throw new IllegalArgumentException(
          "invalid case id '" + caseId + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IOException(directory + " exists and is not a folder; the phantom needs an output folder");
    }
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    FloatVolume[] sequences = {phantom.t1(), phantom.t1c(), phantom.t2(), phantom.flair()};
    List<String> suffixes = PhantomGenerator.sequenceSuffixes();
    for (int s = 0; s < sequences.length; s++) {
      Path path = directory.resolve(caseId + "-" + suffixes.get(s) + ".nii.gz");
      Nifti.writeFloat(path, sequences[s]);
      written.add(path);
    }
    Path seg = directory.resolve(caseId + "-seg.nii.gz");
    Nifti.writeLabels(seg, phantom.truth());
    written.add(seg);
    Path mask = directory.resolve(caseId + "-brainmask.nii.gz");
    Nifti.writeLabels(mask, phantom.brainMask());
    written.add(mask);
    return written;
  }

  /** Returns the truth of a written phantom read back in BraTS 2021 labels (ET = 4). */
  public static LabelVolume readTruthBrats2021(Path segFile) throws IOException {
    LabelVolume truth = Nifti.readLabels(segFile);
    return LabelVolume.wrap(truth.grid(), BratsLabels.fromBrats2023(truth.labelArray()));
  }
}
