package io.github.bratsensemble.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path folder;

  @Test
  void diskFullNamesTarget() throws IOException {
    Path target = folder.resolve("out.nii.gz");

    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write(1);
      throw new IOException("No space left on device");
    }));

    assertEquals(target + ": writing failed: No space left on device", e.getMessage());
    assertEquals(List.of(), listFolder());
  }

  @Test
  void otherExceptionsPassThrough() {
    EOFException codecError = new EOFException("value 300 does not fit uint8");

    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(folder.resolve("x"), out -> {
      throw codecError;
    }));

    assertSame(codecError, e);
  }

  @Test
  void failureKeepsEarlierFile() throws IOException {
    Path target = folder.resolve("report.txt");
    AtomicFiles.writeString(target, "first");

    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write('x');
      throw new IOException("No space left on device");
    }));

    assertEquals("first", Files.readString(target));
    assertEquals(List.of(target), listFolder());
  }

  private List<Path> listFolder() throws IOException {
    try (var files = Files.list(folder)) {
      return files.toList();
    }
  }
}
