package io.github.bratsensemble.segmentor.staging;

import io.github.bratsensemble.segmentor.registry.DockerSettings;
import io.github.bratsensemble.segmentor.registry.InputConvention;
import io.github.bratsensemble.segmentor.registry.Modality;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Lays out a case in a work folder as an algorithm's input convention requires and lists the
 * bind mounts for its container.
 *
 * <p>Files are hard-linked when the compression already matches and the container cannot write
 * to them (read-only mounts), else copied; {@code .nii} and {@code .nii.gz} are converted by
 * gzip or gunzip, which leaves the NIfTI bytes unchanged. The original inputs are never
 * modified.
 *
 * <p>Layouts, for work folder {@code W}:
 * <ul>
 *   <li>BraTS Toolkit formats: {@code W/data/<name>} for each image and {@code W/data/results/};
 *       with read-only inputs each file is mounted read-only at {@code <mountpoint>/<name>} and
 *       the results folder read-write at {@code <mountpoint>/results}; otherwise {@code W/data}
 *       is mounted read-write at the mount point.
 *   <li>BraTS 2023 and MLCube: {@code W/input/<subject>/<subject>-<suffix>.nii.gz} mounted at the
 *       input mount, {@code W/output/} mounted read-write at the output mount.
 * </ul>
 */
public final class InputStager {
  private InputStager() {}

  public static StagedCase stage(CaseInputs inputs, DockerSettings settings, Path workDir) throws IOException {
    InputConvention convention = settings.input();
    boolean linkAllowed = settings.inputsReadOnly();
    List<Mount> mounts = new ArrayList<>();
    if (convention.isToolkitFormat()) {
      Path data = Files.createDirectories(workDir.resolve("data"));
      Path results = Files.createDirectories(data.resolve("results"));
      String mountpoint = trimSlash(settings.mountpoint());
      for (Modality m : Modality.values()) {
        String name = convention.fileName(m);
        Path staged = data.resolve(name);
        place(inputs.path(m), staged, convention.compressed(), linkAllowed);
        if (settings.inputsReadOnly()) {
          mounts.add(new Mount(staged, mountpoint + "/" + name, true));
        }
      }
      if (settings.inputsReadOnly()) {
        mounts.add(new Mount(results, convention.outputMount(mountpoint), false));
      } else {
        mounts.add(new Mount(data, mountpoint, false));
      }
      return new StagedCase(results, mounts);
    }

    Path input = Files.createDirectories(workDir.resolve("input"));
    Path subject = Files.createDirectories(input.resolve(settings.subjectNaming().subject()));
    Path output = Files.createDirectories(workDir.resolve("output"));
    for (Modality m : Modality.values()) {
      place(inputs.path(m), subject.resolve(settings.subjectNaming().fileName(m)), true, linkAllowed);
    }
    mounts.add(new Mount(input, convention.inputMount(settings.mountpoint()), settings.inputsReadOnly()));
    mounts.add(new Mount(output, convention.outputMount(settings.mountpoint()), false));
    return new StagedCase(output, mounts);
  }

  /** Puts {@code source} at {@code target}, gzipped or not as requested. */
  static void place(Path source, Path target, boolean compressed, boolean linkAllowed) throws IOException {
    boolean sourceCompressed = isGzip(source);
    if (sourceCompressed == compressed) {
      if (linkAllowed) {
        try {
          Files.createLink(target, source.toRealPath());
          return;
        } catch (IOException | UnsupportedOperationException e) {
          // Different file systems or no permission: fall back to copying.
        }
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    Path temp = Files.createTempFile(target.getParent(), ".staging-", ".tmp");
    try {
      try (InputStream in = open(source, sourceCompressed); OutputStream out = create(temp, compressed)) {
        in.transferTo(out);
      }
      // Temporary files are owner-only; a container running as another user must still read the input.
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Returns whether the file starts with the gzip magic bytes 1f 8b. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static InputStream open(Path file, boolean gzipped) throws IOException {
    InputStream in = Files.newInputStream(file);
    return gzipped ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static OutputStream create(Path file, boolean gzipped) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return gzipped ? new GZIPOutputStream(out, 1 << 16) : out;
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
