package io.github.bratsensemble.segmentor.registry;

import java.time.Duration;
import java.util.List;

/**
 * The container settings of a {@code docker} algorithm.
 *
 * @param image image reference, optionally pinned by digest ({@code name@sha256:...})
 * @param command command that replaces the image's default; empty keeps the default
 * @param input the input convention the image expects
 * @param mountpoint container path of the input folder in the BraTS Toolkit formats
 * @param outputPatterns glob patterns tried in order to find the result in the output folder;
 *     {@code {id}} stands for the algorithm id and {@code {subject}} for the subject id
 * @param subjectNaming file naming of the BraTS 2023 and MLCube subject folder
 * @param shmSizeBytes size of {@code /dev/shm}; 0 keeps the engine default
 * @param memoryLimitBytes memory limit of the container; 0 means no limit
 * @param requiresRoot whether the container must run as root instead of the host user
 * @param inputsReadOnly whether inputs are mounted read-only; images that write into their input
 *     folder need {@code false}
 * @param timeout how long the container may run before it is killed
 */
public record DockerSettings(
    String image,
    List<String> command,
    InputConvention input,
    String mountpoint,
    List<String> outputPatterns,
    SubjectNaming subjectNaming,
    long shmSizeBytes,
    long memoryLimitBytes,
    boolean requiresRoot,
    boolean inputsReadOnly,
    Duration timeout) {

  /** The timeout used when an entry gives none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  /** Result patterns of the BraTS Toolkit formats, tried in this order. */
  public static final List<String> TOOLKIT_OUTPUT_PATTERNS =
      List.of("tumor_{id}_class.nii*", "tumor_*_class.nii*", "{id}*.nii*", "*tumor*.nii*");

  /** Result patterns of the BraTS 2023 and MLCube formats: the file named after the subject. */
  public static final List<String> SUBJECT_OUTPUT_PATTERNS = List.of("{subject}.nii*", "{subject}*.nii*");

  public DockerSettings {
    command = List.copyOf(command);
    outputPatterns = List.copyOf(outputPatterns);
  }

  /** Returns the command to run: the configured one, or for MLCube images the {@code infer} task. */
  public List<String> effectiveCommand() {
    if (command.isEmpty() && input == InputConvention.MLCUBE) {
      return List.of("infer", "--data_path=/mlcube_io0", "--output_path=/mlcube_io2");
    }
    return command;
  }

  /** Returns the result patterns with {@code {id}} and {@code {subject}} filled in. */
  public List<String> resolvedOutputPatterns(String algorithmId) {
    return outputPatterns.stream()
        .map(p -> p.replace("{id}", algorithmId).replace("{subject}", subjectNaming.subject()))
        .toList();
  }

  /** Returns a copy that runs another image. */
  public DockerSettings withImage(String newImage) {
    return new DockerSettings(newImage, command, input, mountpoint, outputPatterns, subjectNaming,
        shmSizeBytes, memoryLimitBytes, requiresRoot, inputsReadOnly, timeout);
  }

  /** Returns a copy with another timeout. */
  public DockerSettings withTimeout(Duration newTimeout) {
    return new DockerSettings(image, command, input, mountpoint, outputPatterns, subjectNaming,
        shmSizeBytes, memoryLimitBytes, requiresRoot, inputsReadOnly, newTimeout);
  }
}
