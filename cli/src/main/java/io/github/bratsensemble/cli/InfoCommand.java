package io.github.bratsensemble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the header facts and value range of NIfTI files, like {@code fslinfo} or {@code nifti_tool}. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print dimensions, datatype, spacing, orientation, affine, qform/sform codes, intensity range"
        + " and label set of NIfTI files. A file that cannot be read gets a one-line error on stderr (in the JSON"
        + " array with --json) and the others are still printed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file was read", "1:a file could not be read (the others are still printed)",
        "2:usage error"})
final class InfoCommand implements Callable<Integer> {
  /** Integer images with at most this many distinct values are reported as label maps. */
  private static final int MAX_LABELS = 64;

  @Spec
  CommandSpec spec;

  @Mixin
  VerboseOption verbose;

  @Option(names = "--json",
      description = "Print one JSON array with an object per file; a file that cannot be read gets an object with"
          + " \"file\" and \"error\".")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "NIfTI files (.nii, .nii.gz, .hdr/.img).")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> reports = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (Path file : files) {
      try {
        reports.add(describe(file, Nifti.read(file)));
      } catch (IOException e) {
        failed++;
        String message = problem(file, e);
        if (json) {
          Map<String, Object> error = new LinkedHashMap<>();
          error.put("file", file.toString());
          error.put("error", message);
          reports.add(error);
        } else {
          err.println("brats-ensemble: " + message);
        }
        if (verbose.verbose) {
          e.printStackTrace(err);
        }
      }
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(reports));
    } else {
      for (Map<String, Object> report : reports) {
        printText(out, report);
      }
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.PROCESSING_ERROR;
  }

  /** Returns a one-line description of why {@code file} could not be read, naming the file. */
  private static String problem(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return file + ": file not found";
    }
    if (e instanceof AccessDeniedException) {
      return file + ": permission denied";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    return message.contains(file.toString()) || message.contains(String.valueOf(file.getFileName()))
        ? message : file + ": " + message;
  }

  static Map<String, Object> describe(Path file, NiftiImage image) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("file", file.toString());
    report.put("niftiVersion", image.header().version());
    report.put("byteOrder", image.header().byteOrder().toString().equals("BIG_ENDIAN") ? "big-endian" : "little-endian");
    report.put("shape", image.shape());
    report.put("datatype", image.dataType().toString());
    report.put("spacingMm", image.grid().spacingMm());
    report.put("orientation", image.grid().orientationCode());
    report.put("affine", image.grid().affine().toMatrix4());
    report.put("qformCode", image.qformCode());
    report.put("sformCode", image.sformCode());
    report.put("sclSlope", image.slope());
    report.put("sclInter", image.intercept());
    report.put("extensions", image.extensions().size());

    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nonFinite = 0;
    TreeSet<Double> distinct = new TreeSet<>();
    boolean integers = true;
    int n = image.data().length();
    for (int i = 0; i < n; i++) {
      double v = image.scaledValue(i);
      if (!Double.isFinite(v)) {
        nonFinite++;
        integers = false;
        continue;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (integers) {
        if (v != Math.rint(v)) {
          integers = false;
        } else if (distinct.size() <= MAX_LABELS) {
          distinct.add(v);
        }
      }
    }
    report.put("min", min <= max ? min : null);
    report.put("max", min <= max ? max : null);
    report.put("nonFiniteVoxels", nonFinite);
    if (integers && distinct.size() <= MAX_LABELS) {
      report.put("labels", distinct.stream().map(Double::longValue).toList());
    }
    return report;
  }

  private static void printText(PrintWriter out, Map<String, Object> r) {
    out.println(r.get("file"));
    out.printf(Locale.ROOT, "  format       NIfTI-%s, %s%n", r.get("niftiVersion"), r.get("byteOrder"));
    out.printf(Locale.ROOT, "  shape        %s%n", join((long[]) r.get("shape")));
    out.printf(Locale.ROOT, "  datatype     %s%n", r.get("datatype"));
    double[] spacing = (double[]) r.get("spacingMm");
    out.printf(Locale.ROOT, "  spacing mm   %.4g x %.4g x %.4g%n", spacing[0], spacing[1], spacing[2]);
    out.printf(Locale.ROOT, "  orientation  %s%n", r.get("orientation"));
    out.printf(Locale.ROOT, "  qform/sform  %s / %s%n", r.get("qformCode"), r.get("sformCode"));
    double[][] a = (double[][]) r.get("affine");
    for (int row = 0; row < 3; row++) {
      out.printf(Locale.ROOT, "  %s %10.4f %10.4f %10.4f %10.4f%n", row == 0 ? "affine     " : "           ",
          a[row][0] + 0.0, a[row][1] + 0.0, a[row][2] + 0.0, a[row][3] + 0.0);
    }
    if ((double) r.get("sclSlope") != 1 || (double) r.get("sclInter") != 0) {
      out.printf(Locale.ROOT, "  scaling      slope %s, intercept %s%n", r.get("sclSlope"), r.get("sclInter"));
    }
    out.printf(Locale.ROOT, "  range        %s .. %s%n", number(r.get("min")), number(r.get("max")));
    if ((long) r.get("nonFiniteVoxels") > 0) {
      out.printf(Locale.ROOT, "  non-finite   %d voxels%n", r.get("nonFiniteVoxels"));
    }
    if (r.containsKey("labels")) {
      out.printf(Locale.ROOT, "  labels       %s%n", r.get("labels"));
    }
  }

  private static String join(long[] shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? "x" : "").append(shape[i]);
    }
    return sb.toString();
  }

  private static String number(Object value) {
    if (value == null) {
      return "none";
    }
    double v = (double) value;
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
  }
}
