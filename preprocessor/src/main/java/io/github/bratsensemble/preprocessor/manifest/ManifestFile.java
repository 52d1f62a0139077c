package io.github.bratsensemble.preprocessor.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.imaging.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json} of a case folder. */
public final class ManifestFile {
  /** The manifest's file name inside a case folder. */
  public static final String NAME = "manifest.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestFile() {}

  /** Writes the manifest into {@code caseFolder}, atomically. */
  public static void write(Path caseFolder, Manifest manifest) throws IOException {
    String json = MAPPER.writeValueAsString(manifest) + "\n";
    AtomicFiles.writeString(caseFolder.resolve(NAME), json);
  }

  /**
   * Reads the manifest of {@code caseFolder}.
   *
   * @throws IOException if it is missing or not a valid manifest
   */
  public static Manifest read(Path caseFolder) throws IOException {
    Path file = caseFolder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new IOException(caseFolder + " has no " + NAME + "; it is not a preprocessed case folder"
          + " or its preprocessing did not finish");
    }
    try {
      return MAPPER.readValue(file.toFile(), Manifest.class);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": invalid manifest (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** Returns whether {@code caseFolder} contains a readable manifest marked complete. */
  public static boolean isComplete(Path caseFolder) {
    if (!Files.isRegularFile(caseFolder.resolve(NAME))) {
      return false;
    }
    try {
      return read(caseFolder).isComplete();
    } catch (IOException e) {
      return false;
    }
  }
}
