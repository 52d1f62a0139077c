package io.github.bratsensemble.preprocessor.discovery;

import java.nio.file.Path;

/**
 * The origin of one sequence of a case.
 *
 * @param path a NIfTI file, or a folder of DICOM files when {@code dicom} is true
 * @param dicom whether {@code path} is a DICOM series folder that must be converted first
 * @param convention the naming convention under which it was recognised
 */
public record SequenceSource(Sequence sequence, Path path, boolean dicom, NamingConvention convention) {}
