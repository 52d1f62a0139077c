package io.github.bratsensemble.segmentor.registry;

import java.util.Map;

/**
 * The naming and mounting of the four input images that an algorithm container expects, and the
 * folder it writes its result to.
 *
 * <p>The BraTS Toolkit formats put the four files directly in the mount point and expect the
 * result in {@code <mountpoint>/results/}. The BraTS 2023 format puts them in a subject folder,
 * {@code <subject>/<subject>-t1c.nii.gz} and so on, under the input mount, and expects
 * {@code <subject>.nii.gz} in the output mount.
 */
public enum InputConvention {
  GZ_B17("gz-b17", true, "t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "flair.nii.gz"),
  GZ_B17_T1("gz-b17-t1", true, "t1.nii.gz", "t1ce.nii.gz", "t2.nii.gz", "flair.nii.gz"),
  GZ_B17_F("gz-b17-f", true, "t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "fla.nii.gz"),
  B17("b17", false, "t1.nii", "t1c.nii", "t2.nii", "flair.nii"),
  B17_T1("b17-t1", false, "t1.nii", "t1ce.nii", "t2.nii", "flair.nii"),
  GZ_B18("gz-b18", true, "pat_t1.nii.gz", "pat_t1ce.nii.gz", "pat_t2.nii.gz", "pat_flair.nii.gz"),
  /** BraTS 2023+ challenge containers: {@code /input/<subject>/...}, {@code /output}. */
  BRATS2023("brats2023", true, null, null, null, null),
  /** Older MLCube containers: input {@code /mlcube_io0}, output {@code /mlcube_io2}. */
  MLCUBE("mlcube", true, null, null, null, null);

  private final String jsonName;
  private final boolean compressed;
  private final Map<Modality, String> fileNames;

  InputConvention(String jsonName, boolean compressed, String t1, String t1c, String t2, String flair) {
    this.jsonName = jsonName;
    this.compressed = compressed;
    this.fileNames = t1 == null
        ? Map.of()
        : Map.of(Modality.T1, t1, Modality.T1C, t1c, Modality.T2, t2, Modality.FLAIR, flair);
  }

  public String jsonName() {
    return jsonName;
  }

  /** Returns whether the container expects gzipped {@code .nii.gz} inputs. */
  public boolean compressed() {
    return compressed;
  }

  /** Returns whether this is one of the BraTS Toolkit formats (files directly in the mount point). */
  public boolean isToolkitFormat() {
    return !fileNames.isEmpty();
  }

  /** Returns whether this is the BraTS 2023 or MLCube subject-folder layout. */
  public boolean isSubjectFolderFormat() {
    return fileNames.isEmpty();
  }

  /** Returns the file name of a modality in a BraTS Toolkit format. */
  public String fileName(Modality modality) {
    String name = fileNames.get(modality);
    if (name == null) {
      throw new IllegalStateException(jsonName + " stores inputs in a subject folder, not under fixed names");
    }
    return name;
  }

  /** Returns the container path of the input mount, given the entry's configured mount point. */
  public String inputMount(String mountpoint) {
    return switch (this) {
      case BRATS2023 -> "/input";
      case MLCUBE -> "/mlcube_io0";
      default -> mountpoint;
    };
  }

  /** Returns the container path where the result is written. */
  public String outputMount(String mountpoint) {
    return switch (this) {
      case BRATS2023 -> "/output";
      case MLCUBE -> "/mlcube_io2";
      default -> stripTrailingSlash(mountpoint) + "/results";
    };
  }

  static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Returns the convention named {@code jsonName}, or {@code null} if none has that name. */
  public static InputConvention fromJsonName(String jsonName) {
    for (InputConvention c : values()) {
      if (c.jsonName.equals(jsonName)) {
        return c;
      }
    }
    return null;
  }
}
