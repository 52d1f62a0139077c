package io.github.bratsensemble.segmentor.gpu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPUs this machine has, discovered with
 * {@code nvidia-smi --query-gpu=index,uuid,name,memory.total,memory.used --format=csv,noheader,nounits}
 * (memory in MiB). A machine without {@code nvidia-smi} has no GPU.
 */
public final class GpuInventory {
  /** The query this class sends to {@code nvidia-smi}. */
  public static final List<String> QUERY = List.of("nvidia-smi",
      "--query-gpu=index,uuid,name,memory.total,memory.used", "--format=csv,noheader,nounits");

  private static final long MIB = 1L << 20;

  private final List<Gpu> gpus;

  private GpuInventory(List<Gpu> gpus) {
    this.gpus = List.copyOf(gpus);
  }

  public static GpuInventory of(List<Gpu> gpus) {
    return new GpuInventory(gpus);
  }

  public static GpuInventory none() {
    return new GpuInventory(List.of());
  }

  /**
   * Queries {@code nvidia-smi}. A missing {@code nvidia-smi} means no GPU; one that is installed
   * but fails (driver not loaded, for example) is an error, because silently running GPU
   * algorithms on the CPU would hide the fault.
   */
  public static GpuInventory discover(CommandRunner runner) throws IOException, InterruptedException {
    CommandRunner.Result result;
    try {
      result = runner.run(QUERY);
    } catch (IOException e) {
      if (isNotInstalled(e)) {
        return none();
      }
      throw e;
    }
    if (result.exitCode() != 0) {
      String detail = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
      throw new IOException("nvidia-smi failed with exit code " + result.exitCode()
          + (detail.isEmpty() ? "" : ": " + firstLine(detail))
          + "; check the NVIDIA driver, or restrict GPUs with --gpus none");
    }
    return parse(result.stdout());
  }

  /** Parses the CSV that the query prints: one line per GPU. */
  static GpuInventory parse(String csv) throws IOException {
    List<Gpu> gpus = new ArrayList<>();
    for (String line : csv.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 5) {
        throw new IOException("unexpected nvidia-smi output line \"" + line.strip() + "\"; expected 5 comma-separated fields");
      }
      try {
        gpus.add(new Gpu(Integer.parseInt(f[0].strip()), f[1].strip(), f[2].strip(),
            parseMib(f[3]), parseMib(f[4])));
      } catch (NumberFormatException e) {
        throw new IOException("unexpected nvidia-smi output line \"" + line.strip() + "\": " + e.getMessage(), e);
      }
    }
    return new GpuInventory(gpus);
  }

  private static long parseMib(String field) {
    String value = field.strip();
    // nvidia-smi prints "[N/A]" for memory it cannot read, for example on MIG instances.
    return value.startsWith("[") ? -1 : Long.parseLong(value) * MIB;
  }

  private static boolean isNotInstalled(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("error=2,") || message.contains("No such file");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }

  public List<Gpu> gpus() {
    return gpus;
  }

  public boolean isEmpty() {
    return gpus.isEmpty();
  }

  /** Returns the inventory restricted to a selection. */
  public GpuInventory restrict(GpuSelection selection) throws IOException {
    return new GpuInventory(selection.apply(gpus));
  }
}
