package io.github.bratsensemble.imaging.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItkTextTransformFileTest {
  @TempDir
  Path folder;

  @Test
  void affineRoundTripIsExact() throws Exception {
    AffineTransform ras = AffineTransform.ofCentered(
        new double[] {1.01, 0.02, -0.03, 0.01, 0.98, 0.05, 0.0, -0.04, 1.1}, new double[] {3, -4, 5}, new double[] {1, 2, 3});
    for (String name : new String[] {"t.tfm", "t.txt", "t.mat"}) {
      Path file = folder.resolve(name);
      TransformFiles.write(file, ras);
      AffineTransform back = TransformFiles.read(file);
      assertEquals(0, back.toAffine().maxAbsDifference(ras.toAffine()), 1e-12, name);
      assertArrayEquals(ras.center(), back.center(), 1e-12, name);
    }
  }

  @Test
  void formatWritesLpsParameters() {
    AffineTransform ras = AffineTransform.ofCentered(
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals("#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\n"
        + "Parameters: 1.0 0.0 0.0 0.0 1.0 0.0 0.0 0.0 1.0 -1.0 -2.0 3.0\nFixedParameters: -4.0 -5.0 6.0\n",
        ItkTextTransformFile.format(ras).replace("-0.0", "0.0"));
  }

  @Test
  void eulerTransformIsParsed() throws Exception {
    String text = "#Insight Transform File V1.0\n#Transform 0\nTransform: Euler3DTransform_double_3_3\n"
        + "Parameters: 0.1 0.2 0.3 1 2 3\nFixedParameters: 10 20 30 0\n";
    AffineTransform lps = LpsConversion.toLps(ItkTextTransformFile.parse(text, "e.tfm"));
    AffineTransform expected = AffineTransform.ofCentered(
        Rotations.euler(0.1, 0.2, 0.3, false), new double[] {1, 2, 3}, new double[] {10, 20, 30});
    assertEquals(0, lps.toAffine().maxAbsDifference(expected.toAffine()), 1e-12);
  }

  @Test
  void versorTransformIsParsed() throws Exception {
    String text = "#Insight Transform File V1.0\n#Transform 0\nTransform: VersorRigid3DTransform_double_3_3\n"
        + "Parameters: 0 0 0.19866933079506122 0 0 0\nFixedParameters: 0 0 0\n";
    AffineTransform lps = LpsConversion.toLps(ItkTextTransformFile.parse(text, "v.tfm"));
    assertArrayEquals(Rotations.euler(0, 0, 0.4, false), lps.matrix(), 1e-12);
  }

  @Test
  void unsupportedTypeIsReported() {
    String text = "#Insight Transform File V1.0\n#Transform 0\nTransform: BSplineTransform_double_3_3\n"
        + "Parameters: 1 2 3\nFixedParameters: 0\n";
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> ItkTextTransformFile.parse(text, "b.tfm"));
    assertEquals("b.tfm: unsupported transform type BSplineTransform_double_3_3 (supported: AffineTransform, "
        + "MatrixOffsetTransformBase, Euler3DTransform, VersorRigid3DTransform, TranslationTransform; 3-D, "
        + "float or double)", e.getMessage());
  }

  @Test
  void badNumberIsReportedWithLine() {
    String text = "#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\n"
        + "Parameters: 1 0 0 0 1 0 0 0 x 0 0 0\nFixedParameters: 0 0 0\n";
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> ItkTextTransformFile.parse(text, "a.tfm"));
    assertEquals("a.tfm: line 4: \"x\" is not a number", e.getMessage());
  }

  @Test
  void compositeFileIsRejected() {
    String one = "Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0 0\nFixedParameters: 0 0 0\n";
    String text = "#Insight Transform File V1.0\n#Transform 0\n" + one + "#Transform 1\n" + one;
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> ItkTextTransformFile.parse(text, "c.tfm"));
    assertEquals("c.tfm: 2 transforms found; exactly one is supported", e.getMessage());
  }

  @Test
  void missingMagicLineIsReported() {
    TransformFormatException e = assertThrows(TransformFormatException.class,
        () -> ItkTextTransformFile.parse("Transform: AffineTransform_double_3_3\n", "m.txt"));
    assertEquals("m.txt: not an ITK transform file (first line should be \"#Insight Transform File V1.0\")",
        e.getMessage());
  }

  @Test
  void unknownExtensionIsReported() {
    TransformFormatException e = assertThrows(TransformFormatException.class,
        () -> TransformFiles.read(folder.resolve("t.h5")));
    assertEquals(folder.resolve("t.h5") + ": unknown transform file extension; expected .mat, .tfm or .txt",
        e.getMessage());
  }
}
