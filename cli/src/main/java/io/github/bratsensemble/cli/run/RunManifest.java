package io.github.bratsensemble.cli.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of the completed steps of one case, {@code <case>/run-manifest.json}, rewritten
 * atomically after every step so that an interrupted run resumes after its last completed step.
 * A step's outputs are written before the step is recorded, so a recorded step always has them.
 * Each reusable step is stored with a digest of what it depended on ({@link Fingerprints}).
 * Thread-safe.
 */
final class RunManifest {
  static final String FILE_NAME = "run-manifest.json";
  /** The dependency key of the case as a whole. */
  private static final String CASE = "case";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, StepRecord> steps;
  private final Map<String, String> dependencies;
  private CaseOutcome outcome;

  private RunManifest(Path file, Map<String, StepRecord> steps, Map<String, String> dependencies,
      CaseOutcome outcome) {
    this.file = file;
    this.steps = steps;
    this.dependencies = dependencies;
    this.outcome = outcome;
  }

  /**
   * Reads the manifest of a case folder; a missing file, or every file when {@code fresh} is set,
   * gives an empty manifest.
   *
   * @throws IOException when the file exists but is not a run manifest; the message names it
   */
  static RunManifest load(Path caseDir, boolean fresh) throws IOException {
    Path file = caseDir.resolve(FILE_NAME);
    if (fresh || !Files.exists(file)) {
      return new RunManifest(file, new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }
    try {
      Stored stored = JSON.readValue(file.toFile(), new TypeReference<Stored>() {});
      Map<String, String> dependencies = stored.dependencies() == null ? Map.of() : stored.dependencies();
      return new RunManifest(file, new LinkedHashMap<>(stored.steps()), new LinkedHashMap<>(dependencies),
          stored.outcome());
    } catch (IOException e) {
      throw new IOException("invalid run manifest " + file + ": " + e.getMessage()
          + "; delete it or run with --force", e);
    }
  }

  /** Returns the record of {@code step}, or {@code null} when it never completed. */
  synchronized StepRecord step(String step) {
    return steps.get(step);
  }

  /** Returns whether {@code step} completed successfully in an earlier or this run. */
  synchronized boolean completed(String step) {
    StepRecord record = steps.get(step);
    return record != null && record.ok();
  }

  /**
   * Returns whether {@code step} completed successfully with the dependency digest {@code
   * dependencies}; a step recorded without a digest, or with another, must run again.
   */
  synchronized boolean completed(String step, String dependencies) {
    return completed(step) && dependencies.equals(this.dependencies.get(step));
  }

  /** Records {@code step} and rewrites the file. */
  synchronized void record(String step, StepRecord record) throws IOException {
    steps.put(step, record);
    dependencies.remove(step);
    save();
  }

  /** Records {@code step} with the digest of what it depended on, and rewrites the file. */
  synchronized void record(String step, StepRecord record, String dependencyDigest) throws IOException {
    steps.put(step, record);
    dependencies.put(step, dependencyDigest);
    save();
  }

  /** Returns the case outcome stored when the case last finished, or {@code null}. */
  synchronized CaseOutcome outcome() {
    return outcome;
  }

  /**
   * Stores the finished case's outcome with the digest of everything it depended on, and rewrites
   * the file.
   */
  synchronized void finish(CaseOutcome value, String dependencyDigest) throws IOException {
    this.outcome = value;
    dependencies.put(CASE, dependencyDigest);
    save();
  }

  /** Returns whether the stored outcome was reached with the dependency digest {@code digest}. */
  synchronized boolean finishedWith(String digest) {
    return outcome != null && digest.equals(dependencies.get(CASE));
  }

  /** Forgets the outcome, because a step is about to run again. */
  synchronized void invalidate() throws IOException {
    if (outcome != null) {
      outcome = null;
      dependencies.remove(CASE);
      save();
    }
  }

  private void save() throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.writeString(file, JSON.writeValueAsString(new Stored(steps, dependencies, outcome)) + "\n");
  }

  /** The JSON form; {@code dependencies} maps a step to the SHA-256 digest of what it depended on. */
  record Stored(Map<String, StepRecord> steps, Map<String, String> dependencies, CaseOutcome outcome) {}
}
