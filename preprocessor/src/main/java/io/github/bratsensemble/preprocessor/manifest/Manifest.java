package io.github.bratsensemble.preprocessor.manifest;

import java.util.List;
import java.util.Map;

/**
 * The record of one preprocessed case, written as {@code manifest.json} after every other output,
 * so a case folder whose manifest is missing or not {@link #COMPLETE} is not a finished case.
 *
 * @param format {@value #FORMAT}
 * @param status {@value #COMPLETE} once every output is in place
 * @param caseId the case name in output file names
 * @param toolVersion the brats-ensemble version that wrote the case
 * @param createdAt ISO-8601 time the case was finished
 * @param center the BraTS 2023 suffix of the sequence the others were registered to
 * @param brainExtraction the brain extraction method that ran: mindgrab, atlas or none
 * @param inputs per sequence suffix, the input that was read
 * @param atlas the atlas that was used
 * @param options the settings that shape the outputs
 * @param steps the steps that ran, in order, with their wall time
 * @param registrations per registration (for example {@code t2w_to_t1c}), its outcome
 * @param coRegistrationNmi per co-registered sequence suffix, the normalised mutual information with
 *     the centre sequence inside the BraTS-space brain mask, with header alignment only and after
 *     registration
 * @param outputs per output role (for example {@code t1c}, {@code brain_mask},
 *     {@code native/t1c_brain}), the file path relative to the case folder
 */
public record Manifest(
    String format,
    String status,
    String caseId,
    String toolVersion,
    String createdAt,
    String center,
    String brainExtraction,
    Map<String, Input> inputs,
    Input atlas,
    Map<String, Object> options,
    List<Step> steps,
    Map<String, RegistrationRecord> registrations,
    Map<String, NmiCheck> coRegistrationNmi,
    Map<String, String> outputs) {

  public static final String FORMAT = "brats-ensemble-preprocessing/1";
  public static final String COMPLETE = "complete";

  /**
   * One input file.
   *
   * @param path the file as given (a DICOM folder for converted series)
   * @param sha256 checksum of the NIfTI file that was read (after DICOM conversion)
   * @param convention how the file was recognised
   * @param dimensions voxel counts along i, j, k
   * @param spacingMm voxel spacing along i, j, k
   * @param orientation axis codes of the stored grid, such as LAS
   */
  public record Input(String path, String sha256, String convention, int[] dimensions, double[] spacingMm,
      String orientation) {}

  /** One step and its wall time in seconds. */
  public record Step(String name, double seconds) {}

  /**
   * One registration.
   *
   * @param fixed what the transform maps from (a sequence suffix or {@code atlas})
   * @param moving what it maps to
   * @param transformType rigid or affine
   * @param metric the similarity measure
   * @param finalMetric metric at the end of the finest level (lower is better; mutual information
   *     is negated)
   * @param levels the pyramid levels, coarse to fine; metric values of different levels are not
   *     comparable because each level samples its own images
   * @param iterations optimiser iterations over all levels
   * @param seconds wall time
   * @param transformFile the ANTs {@code .mat} file, relative to the case folder
   */
  public record RegistrationRecord(String fixed, String moving, String transformType, String metric,
      double finalMetric, List<Level> levels, int iterations, double seconds, String transformFile) {}

  /**
   * One pyramid level of a registration.
   *
   * @param shrinkFactor voxel size as a multiple of the finest fixed spacing
   * @param samples fixed-image samples drawn
   * @param initialMetric metric before the level's first step
   * @param finalMetric metric after its last step
   * @param iterations steps taken
   * @param stopReason why the level ended
   */
  public record Level(int shrinkFactor, int samples, double initialMetric, double finalMetric, int iterations,
      String stopReason) {}

  /** Normalised mutual information before (header alignment) and after co-registration. */
  public record NmiCheck(double unregistered, double registered) {}

  public boolean isComplete() {
    return FORMAT.equals(format) && COMPLETE.equals(status);
  }
}
