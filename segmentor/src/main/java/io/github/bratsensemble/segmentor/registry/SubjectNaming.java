package io.github.bratsensemble.segmentor.registry;

import java.util.Map;

/**
 * File naming of the BraTS 2023 subject-folder layout: the folder {@code <subject>} contains
 * {@code <subject><separator><suffix>.nii.gz} for each modality, and the container writes
 * {@code <subject>.nii.gz}.
 *
 * @param subject the subject id, for example {@code BraTS-GLI-00000-000}
 * @param separator the text between subject id and modality suffix
 * @param suffixes the suffix of each modality
 */
public record SubjectNaming(String subject, String separator, Map<Modality, String> suffixes) {

  /** The BraTS 2023 glioma naming: {@code BraTS-GLI-00000-000-t1n.nii.gz}, {@code -t1c}, {@code -t2w}, {@code -t2f}. */
  public static final SubjectNaming BRATS2023 = new SubjectNaming("BraTS-GLI-00000-000", "-",
      Map.of(Modality.T1, "t1n", Modality.T1C, "t1c", Modality.T2, "t2w", Modality.FLAIR, "t2f"));

  public SubjectNaming {
    suffixes = Map.copyOf(suffixes);
    for (Modality m : Modality.values()) {
      if (!suffixes.containsKey(m)) {
        throw new IllegalArgumentException("no file suffix for modality " + m.key());
      }
    }
  }

  /** Returns the file name of one modality inside the subject folder. */
  public String fileName(Modality modality) {
    return subject + separator + suffixes.get(modality) + ".nii.gz";
  }
}
