package io.github.bratsensemble.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The four input files found in the input folder, and the result file name that the layout requires.
 *
 * <p>Recognised layouts: the BraTS Toolkit formats ({@code t1.nii.gz, t1c.nii.gz, t2.nii.gz,
 * flair.nii.gz} and the variants with {@code t1ce}, {@code fla}, uncompressed {@code .nii}, or a
 * {@code pat_} prefix), whose result is {@code tumor_<id>_class.nii.gz}; and the BraTS 2023
 * subject folder ({@code <subject>/<subject>-t1n.nii.gz, -t1c, -t2w, -t2f}), whose result is
 * {@code <subject>.nii.gz}.
 */
record InputLayout(Path t1, Path t1c, Path t2, Path flair, String resultName) {

  private static final List<String[]> TOOLKIT_NAMES = List.of(
      new String[] {"t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "flair.nii.gz"},
      new String[] {"t1.nii.gz", "t1ce.nii.gz", "t2.nii.gz", "flair.nii.gz"},
      new String[] {"t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "fla.nii.gz"},
      new String[] {"t1.nii", "t1c.nii", "t2.nii", "flair.nii"},
      new String[] {"t1.nii", "t1ce.nii", "t2.nii", "flair.nii"},
      new String[] {"pat_t1.nii.gz", "pat_t1ce.nii.gz", "pat_t2.nii.gz", "pat_flair.nii.gz"});

  static InputLayout detect(Path input, String algorithmId) throws IOException {
    for (String[] names : TOOLKIT_NAMES) {
      if (Files.isRegularFile(input.resolve(names[0])) && Files.isRegularFile(input.resolve(names[1]))
          && Files.isRegularFile(input.resolve(names[2])) && Files.isRegularFile(input.resolve(names[3]))) {
        return new InputLayout(input.resolve(names[0]), input.resolve(names[1]), input.resolve(names[2]),
            input.resolve(names[3]), "tumor_" + algorithmId + "_class.nii.gz");
      }
    }
    List<Path> subjects;
    try (Stream<Path> list = Files.list(input)) {
      subjects = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path subject : subjects) {
      String id = subject.getFileName().toString();
      Path flair = subject.resolve(id + "-t2f.nii.gz");
      if (Files.isRegularFile(flair)) {
        return new InputLayout(subject.resolve(id + "-t1n.nii.gz"), subject.resolve(id + "-t1c.nii.gz"),
            subject.resolve(id + "-t2w.nii.gz"), flair, id + ".nii.gz");
      }
    }
    throw new IOException("no input images found in " + input
        + "; expected t1/t1c/t2/flair files of a BraTS Toolkit format or a BraTS 2023 subject folder");
  }
}
