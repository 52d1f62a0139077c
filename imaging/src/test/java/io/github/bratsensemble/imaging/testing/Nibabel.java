package io.github.bratsensemble.imaging.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's nibabel ({@code /usr/bin/python3} with {@code python3-nibabel}) as an independent
 * NIfTI reader and writer. Tests that use it are skipped when it is missing, except on CI.
 */
public final class Nibabel {
  private static final String PYTHON = "/usr/bin/python3";

  private Nibabel() {}

  /** nibabel's view of a file: shape, affine and the scaled voxel values, x fastest. */
  public record View(int[] shape, double[][] affine, String dtype, int extensionCount, double[] voxels) {}

  public static void requireAvailable() {
    boolean available;
    try {
      available = run(List.of(PYTHON, "-c", "import nibabel")).exitCode == 0;
    } catch (IOException e) {
      available = false;
    }
    if (!available) {
      String message = "nibabel not available (install Debian's python3-nibabel)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
  }

  public static View load(Path image, Path workDir) throws IOException {
    Path script = resource("nibabel_dump.py", workDir);
    Path raw = Files.createTempFile(workDir, "voxels", ".f8");
    Result r = run(List.of(PYTHON, script.toString(), image.toString(), raw.toString()));
    if (r.exitCode != 0) {
      throw new IOException("nibabel failed on " + image + ": " + r.output);
    }
    String json = r.output.trim();
    int[] shape = Pattern.compile("\\d+").matcher(field(json, "shape")).results()
        .mapToInt(m -> Integer.parseInt(m.group())).toArray();
    double[] flat = numbers(field(json, "affine"));
    double[][] affine = new double[4][4];
    for (int i = 0; i < 16; i++) {
      affine[i / 4][i % 4] = flat[i];
    }
    byte[] bytes = Files.readAllBytes(raw);
    Files.delete(raw);
    double[] voxels = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(voxels);
    String dtype = field(json, "dtype").replace("\"", "").trim();
    int extensions = (int) numbers(field(json, "extensions"))[0];
    return new View(shape, affine, dtype, extensions, voxels);
  }

  /** Writes a 5x6x7 ramp of {@code dtype} with nibabel; see nibabel_write.py for the affine. */
  public static void writeRamp(Path out, String dtype, Path workDir) throws IOException {
    Path script = resource("nibabel_write.py", workDir);
    Result r = run(List.of(PYTHON, script.toString(), out.toString(), dtype));
    if (r.exitCode != 0) {
      throw new IOException("nibabel failed to write " + out + ": " + r.output);
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\": (\\[\\[.*?\\]\\]|\\[.*?\\]|\"[^\"]*\"|[-0-9.e]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("field " + name + " missing in " + json);
    }
    return m.group(1);
  }

  private static double[] numbers(String text) {
    List<Double> values = new ArrayList<>();
    Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(text);
    while (m.find()) {
      values.add(Double.parseDouble(m.group()));
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Path resource(String name, Path workDir) throws IOException {
    Path target = workDir.resolve(name);
    if (!Files.exists(target)) {
      try (InputStream in = Nibabel.class.getResourceAsStream("/" + name)) {
        if (in == null) {
          throw new IOException("test resource " + name + " missing");
        }
        Files.copy(in, target);
      }
    }
    return target;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }
}
