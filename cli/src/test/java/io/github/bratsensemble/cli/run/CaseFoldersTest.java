package io.github.bratsensemble.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case folders and their ids, on folders holding empty files with image names. */
class CaseFoldersTest {
  @TempDir
  Path dir;

  private Path caseFolder(String relative) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(relative));
    Files.createFile(folder.resolve("t1c.nii.gz"));
    return folder;
  }

  @Test
  void genericFolderTakesParentName() throws IOException {
    Path raw = caseFolder("TCGA-FG-6692/raw");

    assertEquals(List.of(new CaseFolders.Case(raw, "TCGA-FG-6692")), CaseFolders.find(raw).cases());
  }

  @Test
  void genericNamesIgnoreLetterCase() {
    for (String name : List.of("raw", "RAW", "Input", "nifti", "NIfTI", "preprocessed", "Preprocessed")) {
      assertEquals("P-1", CaseFolders.caseId(dir.resolve("P-1").resolve(name)), name);
    }
    assertEquals("P-1", CaseFolders.caseId(dir.resolve("P-1/nifti/raw")));
    assertEquals("raw-1", CaseFolders.caseId(dir.resolve("P-1/raw-1")));
  }

  @Test
  void batchFindsNestedGenericCases() throws IOException {
    Path nested = caseFolder("batch/TCGA-FG-6692/raw");
    Path plain = caseFolder("batch/phantom-7");
    Files.createDirectories(dir.resolve("batch/notes"));

    CaseFolders found = CaseFolders.find(dir.resolve("batch"));

    assertEquals(List.of(new CaseFolders.Case(nested, "TCGA-FG-6692"), new CaseFolders.Case(plain, "phantom-7")),
        found.cases());
    assertEquals(List.of(new CaseFolders.Skipped(dir.resolve("batch/notes"),
        "no NIfTI image, anat folder or DICOM series inside")), found.skipped());
  }

  @Test
  void duplicateIdsNameBothFolders() throws IOException {
    Path input = caseFolder("batch/input");
    Path raw = caseFolder("batch/raw");

    DuplicateCaseIdException e = assertThrows(DuplicateCaseIdException.class,
        () -> CaseFolders.find(dir.resolve("batch")));
    assertEquals("case folders " + input + " and " + raw + " both get the case id 'batch'; rename one of them or run"
        + " them separately", e.getMessage());
  }

  @Test
  void idsDifferingOnlyInCaseCollide() throws IOException {
    caseFolder("batch/Case-1");
    caseFolder("batch/case-1");

    DuplicateCaseIdException e = assertThrows(DuplicateCaseIdException.class,
        () -> CaseFolders.find(dir.resolve("batch")));
    assertEquals("case folders " + dir.resolve("batch/Case-1") + " and " + dir.resolve("batch/case-1")
        + " both get the case id 'case-1'; rename one of them or run them separately", e.getMessage());
  }
}
