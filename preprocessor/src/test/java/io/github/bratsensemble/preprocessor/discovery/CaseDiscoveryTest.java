package io.github.bratsensemble.preprocessor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseDiscoveryTest {
  @TempDir
  Path dir;

  private Path caseFolder(String name, String... files) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (String file : files) {
      Path p = folder.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
    return folder;
  }

  private static String fileName(CaseInputs inputs, Sequence s) {
    return inputs.source(s).path().getFileName().toString();
  }

  @Test
  void brats2023NamesRecognised() throws IOException {
    Path folder = caseFolder("BraTS-GLI-00001-000", "BraTS-GLI-00001-000-t1n.nii.gz",
        "BraTS-GLI-00001-000-t1c.nii.gz", "BraTS-GLI-00001-000-t2w.nii.gz", "BraTS-GLI-00001-000-t2f.nii.gz");
    CaseInputs inputs = CaseDiscovery.discover(folder, Map.of());
    assertEquals("BraTS-GLI-00001-000", inputs.caseId());
    assertEquals("BraTS-GLI-00001-000-t2f.nii.gz", fileName(inputs, Sequence.T2F));
    assertEquals(NamingConvention.BRATS_2023, inputs.source(Sequence.T1C).convention());
  }

  @Test
  void brats2017NamesIgnoreCase() throws IOException {
    Path folder = caseFolder("Brats18_CBICA_AAB_1", "Brats18_CBICA_AAB_1_T1.NII.GZ", "Brats18_CBICA_AAB_1_t1ce.nii.gz",
        "Brats18_CBICA_AAB_1_t2.nii", "Brats18_CBICA_AAB_1_FLAIR.nii.gz", "Brats18_CBICA_AAB_1_seg.nii.gz");
    CaseInputs inputs = CaseDiscovery.discover(folder, Map.of());
    assertEquals("Brats18_CBICA_AAB_1_T1.NII.GZ", fileName(inputs, Sequence.T1N));
    assertEquals("Brats18_CBICA_AAB_1_t1ce.nii.gz", fileName(inputs, Sequence.T1C));
    assertEquals("Brats18_CBICA_AAB_1_t2.nii", fileName(inputs, Sequence.T2W));
    assertEquals(NamingConvention.BRATS_2017, inputs.source(Sequence.T2F).convention());
  }

  @Test
  void bratsToolkitNamesRecognised() throws IOException {
    Path folder = caseFolder("TCGA-DU-7294", "t1.nii.gz", "T1c.nii.gz", "t2.nii.gz", "fla.nii.gz");
    CaseInputs inputs = CaseDiscovery.discover(folder, Map.of());
    assertEquals("T1c.nii.gz", fileName(inputs, Sequence.T1C));
    assertEquals("fla.nii.gz", fileName(inputs, Sequence.T2F));
    assertEquals(NamingConvention.BRATS_TOOLKIT, inputs.source(Sequence.T1N).convention());
  }

  @Test
  void bidsAnatFolderRecognised() throws IOException {
    Path folder = caseFolder("sub-01", "anat/sub-01_T1w.nii.gz", "anat/sub-01_ce-gadolinium_T1w.nii.gz",
        "anat/sub-01_T2w.nii.gz", "anat/sub-01_FLAIR.nii.gz", "anat/sub-01_T1w.json");
    CaseInputs inputs = CaseDiscovery.discover(folder, Map.of());
    assertEquals("sub-01_T1w.nii.gz", fileName(inputs, Sequence.T1N));
    assertEquals("sub-01_ce-gadolinium_T1w.nii.gz", fileName(inputs, Sequence.T1C));
    assertEquals("sub-01_T2w.nii.gz", fileName(inputs, Sequence.T2W));
    assertEquals(NamingConvention.BIDS, inputs.source(Sequence.T2F).convention());
  }

  @Test
  void missingSequenceListsEveryFile() throws IOException {
    Path folder = caseFolder("case7", "t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "notes.txt", "t1.json");
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> CaseDiscovery.discover(folder, Map.of()));
    assertEquals("case case7 in " + folder + ": missing t2f; entries seen: notes.txt -> not recognised,"
        + " t1.json -> ignored, t1.nii.gz -> t1n (BraTS Toolkit name), t1c.nii.gz -> t1c (BraTS Toolkit name),"
        + " t2.nii.gz -> t2w (BraTS Toolkit name); rename the files as documented or pass --t1, --t1c, --t2"
        + " and --flair", e.getMessage());
  }

  @Test
  void ambiguousSequenceNamesBothFiles() throws IOException {
    Path folder = caseFolder("case8", "t1.nii.gz", "t1c.nii.gz", "case8_t1ce.nii.gz", "t2.nii.gz", "flair.nii.gz");
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> CaseDiscovery.discover(folder, Map.of()));
    assertTrue(e.getMessage().startsWith("case case8 in " + folder + ": ambiguous t1c (case8_t1ce.nii.gz, t1c.nii.gz);"),
        e.getMessage());
  }

  @Test
  void explicitPathsOverrideNames() throws IOException {
    Path folder = caseFolder("case9", "t1.nii.gz", "t1c.nii.gz", "t2.nii.gz", "flair.nii.gz", "flair_v2.nii.gz");
    Path chosen = folder.resolve("flair_v2.nii.gz");
    CaseInputs inputs = CaseDiscovery.discover(folder, Map.of(Sequence.T2F, chosen));
    assertEquals(chosen, inputs.source(Sequence.T2F).path());
    assertEquals(NamingConvention.EXPLICIT, inputs.source(Sequence.T2F).convention());
    assertEquals("t1.nii.gz", fileName(inputs, Sequence.T1N));
  }

  @Test
  void missingOverrideFileRejected() {
    Path absent = dir.resolve("nowhere.nii.gz");
    DiscoveryException e = assertThrows(DiscoveryException.class,
        () -> CaseDiscovery.discover(dir, Map.of(Sequence.T2W, absent)));
    assertEquals("--t2 " + absent + ": file not found", e.getMessage());
  }

  @Test
  void batchRootListsCaseFolders() throws IOException {
    caseFolder("b", "t1.nii.gz");
    caseFolder("a", "sub-01_T1w.nii.gz");
    caseFolder("empty");
    caseFolder(".partial", "t1.nii.gz");
    List<Path> cases = CaseDiscovery.caseFolders(dir);
    assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), cases);
    assertFalse(CaseDiscovery.isCaseFolder(dir));
  }

  @Test
  void sequenceNamesParseAliases() {
    assertEquals(Sequence.T1N, Sequence.parse("T1"));
    assertEquals(Sequence.T1C, Sequence.parse("t1ce"));
    assertEquals(Sequence.T2W, Sequence.parse("t2w"));
    assertEquals(Sequence.T2F, Sequence.parse("FLA"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sequence.parse("dwi"));
    assertEquals("unknown sequence \"dwi\"; expected t1, t1c, t2 or flair (or t1n, t1c, t2w, t2f)", e.getMessage());
  }
}
