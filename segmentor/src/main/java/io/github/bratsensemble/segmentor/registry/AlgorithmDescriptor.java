package io.github.bratsensemble.segmentor.registry;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the algorithm registry.
 *
 * @param id unique safe name ({@code [a-z0-9][a-z0-9._-]*}), used for output file names
 * @param name human-readable name
 * @param authors authors of the method
 * @param citation reference to the publication, or an empty string when none is known
 * @param year year of the challenge or publication
 * @param task the segmentation task, such as {@code glioma}
 * @param kind how it is executed
 * @param labels the label convention of its output
 * @param gpu whether it needs a GPU
 * @param enabled whether it runs when no explicit selection is given
 * @param docker container settings; present exactly when {@code kind} is {@code docker}
 * @param onnx model settings; present exactly when {@code kind} is {@code onnx}, except in
 *     descriptors made with the constructor without them, where an {@code onnx} entry cannot run
 * @param target ONNX model path for {@code onnx}, built-in algorithm name for {@code builtin},
 *     otherwise {@code null}
 */
public record AlgorithmDescriptor(
    String id,
    String name,
    List<String> authors,
    String citation,
    int year,
    String task,
    AlgorithmKind kind,
    LabelConvention labels,
    GpuRequirement gpu,
    boolean enabled,
    DockerSettings docker,
    OnnxSettings onnx,
    String target) {

  /** Allowed algorithm ids. */
  public static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public AlgorithmDescriptor {
    authors = List.copyOf(authors);
    if (!SAFE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("algorithm id must match " + SAFE_ID + " but was \"" + id + "\"");
    }
    if ((kind == AlgorithmKind.DOCKER) != (docker != null)) {
      throw new IllegalArgumentException("docker settings must be given exactly for kind docker (" + id + ")");
    }
    if (onnx != null && kind != AlgorithmKind.ONNX) {
      throw new IllegalArgumentException("onnx settings may be given only for kind onnx (" + id + ")");
    }
  }

  /** Creates a descriptor without ONNX settings. */
  public AlgorithmDescriptor(String id, String name, List<String> authors, String citation, int year, String task,
      AlgorithmKind kind, LabelConvention labels, GpuRequirement gpu, boolean enabled, DockerSettings docker,
      String target) {
    this(id, name, authors, citation, year, task, kind, labels, gpu, enabled, docker, null, target);
  }

  /** Returns a copy with other Docker settings. */
  public AlgorithmDescriptor withDocker(DockerSettings newDocker) {
    return new AlgorithmDescriptor(id, name, authors, citation, year, task, kind, labels, gpu, enabled,
        newDocker, onnx, target);
  }
}
