package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.preprocessor.discovery.CaseInputs;
import io.github.bratsensemble.preprocessor.discovery.DicomSeries;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import io.github.bratsensemble.preprocessor.discovery.SequenceSource;
import io.github.bratsensemble.preprocessor.manifest.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the four sequences of a case and rejects inputs that cannot be preprocessed. Rejected are
 * empty files, images with more than one volume and images without a finite non-constant voxel.
 * So are sequences whose field of view lies far from the centre sequence's, which means a broken
 * patient position in the header.
 */
final class CaseLoader {
  /**
   * The largest distance in mm between the field-of-view centres of a sequence and the centre
   * sequence. Sequences of one session lie within a few centimetres of each other. A larger gap
   * means a wrong header position, which no rigid registration from the header start can bridge.
   */
  static final double MAX_FOV_CENTRE_DISTANCE_MM = 100;

  private CaseLoader() {}

  /**
   * Reads every sequence; DICOM series are converted into {@code convertedFolder} first.
   *
   * @throws PreprocessingException for inputs that cannot be used, naming the file
   */
  static Map<Sequence, LoadedSequence> load(CaseInputs inputs, Path convertedFolder, DicomSeries dicom,
      boolean reorient) throws IOException {
    Map<Sequence, LoadedSequence> loaded = new EnumMap<>(Sequence.class);
    for (Sequence sequence : Sequence.values()) {
      SequenceSource source = inputs.source(sequence);
      Path file = source.path();
      if (source.dicom()) {
        Files.createDirectories(convertedFolder);
        file = dicom.convert(source.path(), convertedFolder, CaseLayout.convertedInputBase(inputs.caseId(), sequence));
      }
      FloatVolume original = read(sequence, file);
      FloatVolume working = reorient ? original.reorient("RAS") : original;
      loaded.put(sequence, new LoadedSequence(source, file, Checksums.sha256(file), original, working));
    }
    return loaded;
  }

  static FloatVolume read(Sequence sequence, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new PreprocessingException(sequence + " image " + file + " not found");
    }
    if (Files.size(file) == 0) {
      throw new PreprocessingException(sequence + " image " + file + " is empty (0 bytes); a NIfTI image is expected");
    }
    NiftiImage image = Nifti.read(file);
    if (!image.isThreeDimensional()) {
      throw new PreprocessingException(sequence + " image " + file + " has " + image.volumeCount() + " volumes (shape "
          + shape(image.shape()) + "); one 3-D volume per sequence is expected, so extract the volume to use");
    }
    FloatVolume volume = image.toFloatVolume();
    float[] range = volume.range();
    if (Float.isNaN(range[0])) {
      throw new PreprocessingException(sequence + " image " + file + " has no finite voxel value");
    }
    if (range[0] == range[1]) {
      throw new PreprocessingException(sequence + " image " + file + " is blank: every voxel is " + range[0]);
    }
    return volume;
  }

  /**
   * Rejects a sequence whose field-of-view centre lies more than {@value #MAX_FOV_CENTRE_DISTANCE_MM}
   * mm from the centre sequence's.
   */
  static void checkPositions(Map<Sequence, LoadedSequence> loaded, Sequence center) throws PreprocessingException {
    Grid centerGrid = loaded.get(center).original().grid();
    double[] c = centerGrid.centerWorld();
    for (Map.Entry<Sequence, LoadedSequence> entry : loaded.entrySet()) {
      if (entry.getKey() == center) {
        continue;
      }
      double[] p = entry.getValue().original().grid().centerWorld();
      double distance = Math.sqrt(sq(p[0] - c[0]) + sq(p[1] - c[1]) + sq(p[2] - c[2]));
      if (distance > MAX_FOV_CENTRE_DISTANCE_MM) {
        throw new PreprocessingException(String.format(java.util.Locale.ROOT,
            "%s image %s lies %.0f mm from the %s image (field-of-view centres (%.1f, %.1f, %.1f) and"
                + " (%.1f, %.1f, %.1f) mm); at most %.0f mm is expected for one session, so check the"
                + " position in its header (qform/sform)",
            entry.getKey(), entry.getValue().niftiFile(), distance, center, p[0], p[1], p[2], c[0], c[1], c[2],
            MAX_FOV_CENTRE_DISTANCE_MM));
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }

  private static String shape(long[] shape) {
    StringBuilder sb = new StringBuilder();
    for (long s : shape) {
      sb.append(sb.length() == 0 ? "" : "x").append(s);
    }
    return sb.toString();
  }
}
