package io.github.bratsensemble.segmentor.gpu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's restriction of the GPUs to use: {@code all}, {@code none}, or a list of device indices
 * such as {@code 0,2}. Given with {@code --gpus} or the environment variable
 * {@code BRATS_ENSEMBLE_GPUS}; the option wins.
 */
public final class GpuSelection {
  /** The environment variable read when no option is given. */
  public static final String ENVIRONMENT_VARIABLE = "BRATS_ENSEMBLE_GPUS";

  private static final GpuSelection ALL = new GpuSelection(null);

  private final Set<Integer> indices;

  private GpuSelection(Set<Integer> indices) {
    this.indices = indices;
  }

  public static GpuSelection all() {
    return ALL;
  }

  /**
   * Parses {@code all}, {@code none} or comma-separated indices.
   *
   * @throws IllegalArgumentException naming the text that is not valid
   */
  public static GpuSelection parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("all")) {
      return ALL;
    }
    if (trimmed.equalsIgnoreCase("none")) {
      return new GpuSelection(Set.of());
    }
    Set<Integer> indices = new LinkedHashSet<>();
    for (String part : trimmed.split(",")) {
      try {
        int index = Integer.parseInt(part.strip());
        if (index < 0) {
          throw new NumberFormatException();
        }
        indices.add(index);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "invalid GPU selection \"" + text + "\": expected all, none or device indices such as 0,2");
      }
    }
    return new GpuSelection(Set.copyOf(indices));
  }

  /** Returns the selection from the option if given, else from the environment, else all GPUs. */
  public static GpuSelection resolve(String option, java.util.function.UnaryOperator<String> environment) {
    if (option != null) {
      return parse(option);
    }
    String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
    return fromEnvironment == null ? ALL : parse(fromEnvironment);
  }

  /**
   * Returns the selected GPUs in inventory order.
   *
   * @throws IOException when an index is not in the inventory
   */
  List<Gpu> apply(List<Gpu> gpus) throws IOException {
    if (indices == null) {
      return gpus;
    }
    List<Gpu> selected = new ArrayList<>();
    Set<Integer> present = new LinkedHashSet<>();
    for (Gpu gpu : gpus) {
      present.add(gpu.index());
      if (indices.contains(gpu.index())) {
        selected.add(gpu);
      }
    }
    for (int index : indices) {
      if (!present.contains(index)) {
        throw new IOException("GPU " + index + " was requested but is not present; available GPUs: "
            + (present.isEmpty() ? "none" : present.toString().replaceAll("[\\[\\] ]", "")));
      }
    }
    return selected;
  }

  @Override
  public String toString() {
    return indices == null ? "all" : indices.isEmpty() ? "none" : indices.toString();
  }
}
