package io.github.bratsensemble.segmentor.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code algorithms.json}. Every problem is collected with its JSON path
 * ({@code $.algorithms[2].input}) before one {@link RegistryException} is thrown, so a user fixes
 * them all in one go. The schema is documented in {@code docs/algorithms.md}.
 */
final class RegistryParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)b?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> COMMON_FIELDS = Set.of(
      "id", "name", "authors", "citation", "year", "task", "kind", "labels", "gpu", "enabled");
  private static final Set<String> DOCKER_FIELDS = Set.of(
      "image", "command", "input", "mountpoint", "output", "subject", "separator", "suffixes",
      "shmSize", "memoryLimit", "requiresRoot", "readOnlyInputs", "timeout");

  private final Path file;
  private final List<String> problems = new ArrayList<>();

  private RegistryParser(Path file) {
    this.file = file;
  }

  static List<AlgorithmDescriptor> parse(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "algorithm registry not found");
    }
    return parse(file, text);
  }

  static List<AlgorithmDescriptor> parse(Path file, String text) throws RegistryException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String location = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new RegistryException(file, List.of("$: invalid JSON" + location + ": " + problem(e)));
    }
    RegistryParser parser = new RegistryParser(file);
    List<AlgorithmDescriptor> result = parser.parseRoot(root);
    if (!parser.problems.isEmpty()) {
      throw new RegistryException(file, parser.problems);
    }
    return result;
  }

  /**
   * Returns Jackson's description of a syntax error on one line, with embedded source locations
   * such as {@code [Source: REDACTED ...; line: 1, column: 1]} reduced to {@code line 1, column 1}.
   */
  static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
    message = message.replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    message = message.replaceAll("\\[Source: [^\\]]*\\]", "");
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private List<AlgorithmDescriptor> parseRoot(JsonNode root) {
    List<AlgorithmDescriptor> result = new ArrayList<>();
    if (root == null || !root.isObject()) {
      problem("$", "must be an object with an \"algorithms\" array");
      return result;
    }
    rejectUnknown(root, "$", Set.of("algorithms"));
    JsonNode list = root.get("algorithms");
    if (list == null || !list.isArray()) {
      problem("$.algorithms", list == null ? "is missing" : "must be an array");
      return result;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "$.algorithms[" + i + "]";
      AlgorithmDescriptor d = parseEntry(list.get(i), path);
      if (d != null && !ids.add(d.id())) {
        problem(path + ".id", "duplicate id \"" + d.id() + "\"");
      }
      if (d != null) {
        result.add(d);
      }
    }
    return result;
  }

  private AlgorithmDescriptor parseEntry(JsonNode entry, String path) {
    if (!entry.isObject()) {
      problem(path, "must be an object");
      return null;
    }
    int before = problems.size();
    String id = requiredText(entry, path, "id");
    if (id != null && !AlgorithmDescriptor.SAFE_ID.matcher(id).matches()) {
      problem(path + ".id", "must match " + AlgorithmDescriptor.SAFE_ID + " but was \"" + id + "\"");
    }
    String name = requiredText(entry, path, "name");
    List<String> authors = authors(entry, path);
    String citation = requiredText(entry, path, "citation");
    int year = year(entry, path);
    String task = requiredText(entry, path, "task");
    AlgorithmKind kind = choice(entry, path, "kind", AlgorithmKind.values(), AlgorithmKind::jsonName);
    LabelConvention labels = choice(entry, path, "labels", LabelConvention.values(), LabelConvention::jsonName);
    // ONNX models run on the CPU when no GPU is free, so their "gpu" field defaults to optional.
    GpuRequirement gpu = kind == AlgorithmKind.ONNX && !entry.has("gpu") ? GpuRequirement.OPTIONAL
        : choice(entry, path, "gpu", GpuRequirement.values(), GpuRequirement::jsonName);
    boolean enabled = requiredBoolean(entry, path, "enabled");

    DockerSettings docker = null;
    OnnxSettings onnx = null;
    String target = null;
    if (kind == AlgorithmKind.DOCKER) {
      rejectUnknown(entry, path, union(COMMON_FIELDS, DOCKER_FIELDS));
      docker = docker(entry, path, id);
    } else if (kind == AlgorithmKind.ONNX) {
      rejectUnknown(entry, path, union(COMMON_FIELDS, OnnxSettingsParser.FIELDS));
      onnx = OnnxSettingsParser.parse(entry, path, file, labels, this::problem);
      target = entry.path("model").asText(null);
    } else if (kind == AlgorithmKind.BUILTIN) {
      rejectUnknown(entry, path, union(COMMON_FIELDS, Set.of("algorithm")));
      target = requiredText(entry, path, "algorithm");
    }
    if (problems.size() > before) {
      return null;
    }
    return new AlgorithmDescriptor(id, name, authors, citation, year, task, kind, labels, gpu, enabled,
        docker, onnx, target);
  }

  private DockerSettings docker(JsonNode entry, String path, String id) {
    String image = requiredText(entry, path, "image");
    if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
      problem(path + ".image", "must be an image reference without spaces but was \"" + image + "\"");
    }
    List<String> command = command(entry, path);
    InputConvention input = null;
    String inputName = requiredText(entry, path, "input");
    if (inputName != null) {
      input = InputConvention.fromJsonName(inputName);
      if (input == null) {
        problem(path + ".input", "must be one of " + names(InputConvention.values()) + " but was \"" + inputName + "\"");
      }
    }
    String mountpoint = optionalText(entry, path, "mountpoint", "/data");
    if (mountpoint != null && !mountpoint.startsWith("/")) {
      problem(path + ".mountpoint", "must be an absolute container path but was \"" + mountpoint + "\"");
    }
    List<String> patterns = outputPatterns(entry, path, input);
    SubjectNaming naming = subjectNaming(entry, path);
    long shm = size(entry, path, "shmSize");
    long memory = size(entry, path, "memoryLimit");
    boolean requiresRoot = optionalBoolean(entry, path, "requiresRoot", false);
    boolean readOnly = optionalBoolean(entry, path, "readOnlyInputs", true);
    Duration timeout = timeout(entry, path);
    if (image == null || input == null || mountpoint == null || naming == null || id == null) {
      return null;
    }
    return new DockerSettings(image, command, input, mountpoint, patterns, naming, shm, memory,
        requiresRoot, readOnly, timeout);
  }

  private List<String> command(JsonNode entry, String path) {
    JsonNode node = entry.get("command");
    List<String> command = new ArrayList<>();
    if (node == null || node.isNull()) {
      return command;
    }
    if (node.isTextual()) {
      for (String word : node.asText().trim().split("\\s+")) {
        if (!word.isEmpty()) {
          command.add(word);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isTextual()) {
          problem(path + ".command[" + i + "]", "must be a string");
        } else {
          command.add(node.get(i).asText());
        }
      }
    } else {
      problem(path + ".command", "must be a string or an array of strings");
    }
    return command;
  }

  private List<String> outputPatterns(JsonNode entry, String path, InputConvention input) {
    JsonNode node = entry.get("output");
    if (node == null) {
      return input != null && input.isSubjectFolderFormat()
          ? DockerSettings.SUBJECT_OUTPUT_PATTERNS : DockerSettings.TOOLKIT_OUTPUT_PATTERNS;
    }
    List<String> patterns = new ArrayList<>();
    if (!node.isArray() || node.isEmpty()) {
      problem(path + ".output", "must be a non-empty array of glob patterns");
      return patterns;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode p = node.get(i);
      if (!p.isTextual() || p.asText().isBlank() || p.asText().contains("/")) {
        problem(path + ".output[" + i + "]", "must be a file-name glob pattern without '/'");
      } else {
        patterns.add(p.asText());
      }
    }
    return patterns;
  }

  private SubjectNaming subjectNaming(JsonNode entry, String path) {
    SubjectNaming defaults = SubjectNaming.BRATS2023;
    String subject = optionalText(entry, path, "subject", defaults.subject());
    if (subject != null && !AlgorithmDescriptor.SAFE_ID.matcher(subject.toLowerCase(Locale.ROOT)).matches()) {
      problem(path + ".subject", "must be a file name of letters, digits, '.', '_' or '-' but was \"" + subject + "\"");
      subject = null;
    }
    String separator = optionalText(entry, path, "separator", defaults.separator());
    if (separator != null && separator.contains("/")) {
      problem(path + ".separator", "must not contain '/'");
      separator = null;
    }
    Map<Modality, String> suffixes = new EnumMap<>(defaults.suffixes());
    JsonNode node = entry.get("suffixes");
    if (node != null) {
      if (!node.isObject()) {
        problem(path + ".suffixes", "must be an object mapping t1, t1c, t2, flair to file suffixes");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          Modality modality = modality(field.getKey());
          if (modality == null) {
            problem(path + ".suffixes." + field.getKey(), "unknown modality; expected t1, t1c, t2 or flair");
          } else if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
            problem(path + ".suffixes." + field.getKey(), "must be a non-empty string");
          } else {
            suffixes.put(modality, field.getValue().asText());
          }
        }
      }
    }
    return subject == null || separator == null ? null : new SubjectNaming(subject, separator, suffixes);
  }

  private static Modality modality(String key) {
    for (Modality m : Modality.values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    return null;
  }

  private long size(JsonNode entry, String path, String field) {
    JsonNode node = entry.get(field);
    if (node == null || node.isNull()) {
      return 0;
    }
    if (node.isIntegralNumber() && node.asLong() >= 0) {
      return node.asLong();
    }
    Matcher m = SIZE.matcher(node.isTextual() ? node.asText().trim() : "");
    if (!m.matches()) {
      problem(path + "." + field, "must be a byte count such as 2147483648, \"512m\" or \"2g\" but was " + node);
      return 0;
    }
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    long value = Long.parseLong(m.group(1));
    if (value > (Long.MAX_VALUE >> shift)) {
      problem(path + "." + field, "is too large: " + node);
      return 0;
    }
    return value << shift;
  }

  private Duration timeout(JsonNode entry, String path) {
    JsonNode node = entry.get("timeout");
    if (node == null || node.isNull()) {
      return DockerSettings.DEFAULT_TIMEOUT;
    }
    if (!node.isIntegralNumber() || node.asLong() <= 0) {
      problem(path + ".timeout", "must be a positive number of seconds but was " + node);
      return DockerSettings.DEFAULT_TIMEOUT;
    }
    return Duration.ofSeconds(node.asLong());
  }

  private List<String> authors(JsonNode entry, String path) {
    JsonNode node = entry.get("authors");
    List<String> authors = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problem(path + ".authors", node == null ? "is missing" : "must be a non-empty array of names");
      return authors;
    }
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
        problem(path + ".authors[" + i + "]", "must be a non-empty string");
      } else {
        authors.add(node.get(i).asText());
      }
    }
    return authors;
  }

  private int year(JsonNode entry, String path) {
    JsonNode node = entry.get("year");
    if (node == null) {
      problem(path + ".year", "is missing");
      return 0;
    }
    if (!node.isIntegralNumber() || node.asInt() < 1990 || node.asInt() > 2100) {
      problem(path + ".year", "must be a year such as 2018 but was " + node);
      return 0;
    }
    return node.asInt();
  }

  private <E extends Enum<E>> E choice(
      JsonNode entry, String path, String field, E[] values, java.util.function.Function<E, String> jsonName) {
    String text = requiredText(entry, path, field);
    if (text == null) {
      return null;
    }
    for (E value : values) {
      if (jsonName.apply(value).equals(text)) {
        return value;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E value : values) {
      allowed.add(jsonName.apply(value));
    }
    problem(path + "." + field, "must be one of " + allowed + " but was \"" + text + "\"");
    return null;
  }

  private String requiredText(JsonNode entry, String path, String field) {
    JsonNode node = entry.get(field);
    if (node == null) {
      problem(path + "." + field, "is missing");
      return null;
    }
    if (!node.isTextual()) {
      problem(path + "." + field, "must be a string but was " + node);
      return null;
    }
    return node.asText();
  }

  private String optionalText(JsonNode entry, String path, String field, String fallback) {
    JsonNode node = entry.get(field);
    if (node == null) {
      return fallback;
    }
    if (!node.isTextual() || node.asText().isEmpty()) {
      problem(path + "." + field, "must be a non-empty string but was " + node);
      return null;
    }
    return node.asText();
  }

  private boolean requiredBoolean(JsonNode entry, String path, String field) {
    JsonNode node = entry.get(field);
    if (node == null || !node.isBoolean()) {
      problem(path + "." + field, node == null ? "is missing" : "must be true or false but was " + node);
      return false;
    }
    return node.asBoolean();
  }

  private boolean optionalBoolean(JsonNode entry, String path, String field, boolean fallback) {
    JsonNode node = entry.get(field);
    if (node == null) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problem(path + "." + field, "must be true or false but was " + node);
      return fallback;
    }
    return node.asBoolean();
  }

  private void rejectUnknown(JsonNode object, String path, Set<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        problem(path + "." + field, "unknown field");
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> names(InputConvention[] values) {
    List<String> names = new ArrayList<>();
    for (InputConvention c : values) {
      names.add(c.jsonName());
    }
    return names;
  }

  private void problem(String path, String what) {
    problems.add(path + ": " + what);
  }
}
