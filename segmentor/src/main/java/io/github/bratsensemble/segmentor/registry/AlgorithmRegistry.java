package io.github.bratsensemble.segmentor.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The algorithms listed in one {@code algorithms.json}, in file order. Immutable. */
public final class AlgorithmRegistry {
  private final Path source;
  private final Map<String, AlgorithmDescriptor> byId;

  private AlgorithmRegistry(Path source, List<AlgorithmDescriptor> algorithms) {
    this.source = source;
    this.byId = new LinkedHashMap<>();
    for (AlgorithmDescriptor d : algorithms) {
      byId.put(d.id(), d);
    }
  }

  /**
   * Reads and validates a registry file.
   *
   * @throws RegistryException listing every schema violation with its JSON path
   * @throws IOException when the file cannot be read
   */
  public static AlgorithmRegistry load(Path file) throws IOException {
    return new AlgorithmRegistry(file, RegistryParser.parse(file));
  }

  /** Parses registry text; {@code source} only names the file in error messages. */
  public static AlgorithmRegistry parse(Path source, String json) throws RegistryException {
    return new AlgorithmRegistry(source, RegistryParser.parse(source, json));
  }

  public Path source() {
    return source;
  }

  public List<AlgorithmDescriptor> all() {
    return List.copyOf(byId.values());
  }

  public List<AlgorithmDescriptor> enabled() {
    return byId.values().stream().filter(AlgorithmDescriptor::enabled).toList();
  }

  /** Returns the entry with this id, or throws naming the known ids. */
  public AlgorithmDescriptor get(String id) {
    AlgorithmDescriptor d = byId.get(id);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown algorithm \"" + id + "\" in " + source + "; known ids: " + String.join(", ", byId.keySet()));
    }
    return d;
  }

  /**
   * Returns the algorithms to run: the listed ids in the given order (enabled or not), or every
   * enabled algorithm when {@code ids} is empty.
   */
  public List<AlgorithmDescriptor> select(List<String> ids) {
    if (ids.isEmpty()) {
      return enabled();
    }
    List<AlgorithmDescriptor> selected = new ArrayList<>();
    for (String id : ids) {
      AlgorithmDescriptor d = get(id);
      if (!selected.contains(d)) {
        selected.add(d);
      }
    }
    return selected;
  }
}
