package io.github.bratsensemble.algorithms.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bratsensemble.algorithms.PhantomFixtures;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomWriterTest {

  @Test
  void writesBrats2023CaseFolder(@TempDir Path dir) throws IOException {
    Phantom phantom = PhantomFixtures.plain(2);

    List<Path> files = PhantomWriter.write(phantom, dir.resolve("out"), "phantom-2");

    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("phantom-2-t1n.nii.gz", "phantom-2-t1c.nii.gz", "phantom-2-t2w.nii.gz", "phantom-2-t2f.nii.gz",
        "phantom-2-seg.nii.gz", "phantom-2-brainmask.nii.gz"), names);
    FloatVolume flair = Nifti.readFloat(files.get(3));
    assertArrayEquals(phantom.flair().voxelArray(), flair.voxelArray());
    assertArrayEquals(phantom.truth().labelArray(), Nifti.readLabels(files.get(4)).labelArray());
    assertArrayEquals(phantom.truthBrats2021().labelArray(), PhantomWriter.readTruthBrats2021(files.get(4)).labelArray());
    assertArrayEquals(phantom.brainMask().labelArray(), Nifti.readLabels(files.get(5)).labelArray());
    assertEquals(0.0, flair.grid().affine().maxAbsDifference(phantom.flair().grid().affine()), 1e-4);
  }

  @Test
  void invalidCaseIdIsRejected(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PhantomWriter.write(PhantomFixtures.plain(2), dir, "../escape"));

    assertEquals("invalid case id '../escape': use letters, digits, '.', '_' and '-', starting with a letter or digit",
        e.getMessage());
  }
}
