package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.preprocessor.discovery.SequenceSource;
import java.nio.file.Path;

/**
 * One input sequence, read and checked.
 *
 * @param source where it came from
 * @param niftiFile the NIfTI file that was read (the converted file for a DICOM series)
 * @param sha256 checksum of {@code niftiFile}
 * @param original the image on its stored grid
 * @param working the image used for processing: {@code original} reoriented to RAS when that step
 *     is on, with the same world coordinates
 */
record LoadedSequence(SequenceSource source, Path niftiFile, String sha256, FloatVolume original,
    FloatVolume working) {}
