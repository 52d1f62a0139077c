package io.github.bratsensemble.imaging.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntsTransformFileTest {
  /** LPS parameters of a small rigid transform: matrix row-major, then translation. */
  private static final double[] MATRIX = Rotations.euler(0.02, -0.01, 0.03, false);
  private static final double[] TRANSLATION = {0.5, -1.25, 2.0};
  private static final double[] CENTER = {-0.25, 4.5, 9.9};

  @TempDir
  Path folder;

  @Test
  void decodeFloatFileBuiltByHand() throws Exception {
    byte[] bytes = matFile(ByteOrder.LITTLE_ENDIAN, 10, "AffineTransform_float_3_3", parameters(), CENTER);
    AffineTransform ras = AntsTransformFile.decode(bytes, "t.mat");

    AffineTransform lps = AffineTransform.ofCentered(floats(MATRIX), floats(TRANSLATION), floats(CENTER));
    double[] pointLps = {10, -20, 30};
    double[] expectedLps = lps.apply(pointLps);
    double[] actualRas = ras.apply(LpsConversion.flipPoint(pointLps));
    assertArrayEquals(expectedLps, LpsConversion.flipPoint(actualRas), 1e-9);
    assertArrayEquals(new double[] {0.25, -(double) (float) 4.5, (float) 9.9}, ras.center(), 0);
  }

  @Test
  void decodeBigEndianDoubleFile() throws Exception {
    byte[] bytes = matFile(ByteOrder.BIG_ENDIAN, 1000, "AffineTransform_double_3_3", parameters(), CENTER);
    AffineTransform ras = AntsTransformFile.decode(bytes, "t.mat");
    AffineTransform lps = AffineTransform.ofCentered(MATRIX, TRANSLATION, CENTER);
    assertEquals(0, LpsConversion.toLps(ras).toAffine().maxAbsDifference(lps.toAffine()), 1e-12);
  }

  @Test
  void doubleRoundTripIsExact() throws Exception {
    AffineTransform ras = AffineTransform.ofCentered(MATRIX, TRANSLATION, CENTER);
    Path file = folder.resolve("round.mat");
    AntsTransformFile.write(file, ras);
    AffineTransform back = AntsTransformFile.read(file);
    assertEquals(0, back.toAffine().maxAbsDifference(ras.toAffine()), 1e-12);
    assertArrayEquals(CENTER, back.center(), 0);
    List<MatlabV4.Variable> variables = MatlabV4.decode(Files.readAllBytes(file), "round.mat");
    assertEquals("AffineTransform_double_3_3", variables.get(0).name());
    assertEquals(MatlabV4.Precision.FLOAT64, variables.get(0).precision());
    assertEquals("fixed", variables.get(1).name());
    assertArrayEquals(new double[] {-CENTER[0], -CENTER[1], CENTER[2]}, variables.get(1).values(), 0);
  }

  @Test
  void floatEncodingMatchesAntsLayout() throws Exception {
    AffineTransform ras = LpsConversion.fromLps(AffineTransform.ofCentered(MATRIX, TRANSLATION, CENTER));
    byte[] encoded = AntsTransformFile.encode(ras, true);
    byte[] expected = matFile(ByteOrder.LITTLE_ENDIAN, 10, "AffineTransform_float_3_3", parameters(), CENTER);
    assertEquals(132, encoded.length);
    assertArrayEquals(expected, encoded);
  }

  @Test
  void floatFileRoundTripsWithinFloatPrecision() throws Exception {
    AffineTransform ras = AffineTransform.ofCentered(MATRIX, TRANSLATION, CENTER);
    Path file = folder.resolve("float.mat");
    AntsTransformFile.write(file, ras, true);
    AffineTransform back = AntsTransformFile.read(file);
    assertEquals(132, Files.size(file));
    assertEquals(0, back.toAffine().maxAbsDifference(ras.toAffine()), 1e-5);
    assertEquals("AffineTransform_float_3_3", MatlabV4.decode(Files.readAllBytes(file), "float.mat").get(0).name());
  }

  @Test
  void missingParametersAreReported() {
    byte[] bytes = matFile(ByteOrder.LITTLE_ENDIAN, 0, "other", new double[] {1, 2}, CENTER);
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> AntsTransformFile.decode(bytes, "t.mat"));
    assertEquals("t.mat: no variable AffineTransform_double_3_3 or AffineTransform_float_3_3 (found other, fixed)",
        e.getMessage());
  }

  @Test
  void wrongParameterCountIsReported() {
    byte[] bytes = matFile(ByteOrder.LITTLE_ENDIAN, 0, "AffineTransform_double_3_3", new double[9], CENTER);
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> AntsTransformFile.decode(bytes, "t.mat"));
    assertEquals("t.mat: AffineTransform_double_3_3 has 9 values; 12 are expected (3x3 matrix and translation)",
        e.getMessage());
  }

  @Test
  void truncatedFileIsReported() {
    byte[] full = matFile(ByteOrder.LITTLE_ENDIAN, 10, "AffineTransform_float_3_3", parameters(), CENTER);
    byte[] bytes = java.util.Arrays.copyOf(full, 60);
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> AntsTransformFile.decode(bytes, "t.mat"));
    assertEquals("t.mat: truncated MATLAB v4 variable at byte 0 (74 bytes needed, 40 left)", e.getMessage());
  }

  @Test
  void textFileIsNotMatlab() {
    byte[] bytes = "#Insight Transform File V1.0\n".getBytes(StandardCharsets.US_ASCII);
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> AntsTransformFile.decode(bytes, "t.mat"));
    assertEquals("t.mat: not a MATLAB v4 file (first header type is 1936607523 read little-endian and 592014963 "
        + "read big-endian)", e.getMessage());
  }

  @Test
  void imaginaryPartIsRejected() {
    byte[] bytes = matFile(ByteOrder.LITTLE_ENDIAN, 0, "fixed", CENTER, CENTER);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1);
    TransformFormatException e = assertThrows(TransformFormatException.class, () -> AntsTransformFile.decode(bytes, "t.mat"));
    assertEquals("t.mat: variable at byte 0 has an imaginary part; a real matrix is expected", e.getMessage());
  }

  private static double[] parameters() {
    double[] p = new double[12];
    System.arraycopy(MATRIX, 0, p, 0, 9);
    System.arraycopy(TRANSLATION, 0, p, 9, 3);
    return p;
  }

  private static double[] floats(double[] values) {
    double[] r = new double[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) values[i];
    }
    return r;
  }

  /** Builds a two-variable MATLAB v4 file byte by byte: the parameters and {@code fixed}. */
  private static byte[] matFile(ByteOrder order, int type, String name, double[] values, double[] fixed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    variable(out, order, type, name, values);
    variable(out, order, type, "fixed", fixed);
    return out.toByteArray();
  }

  private static void variable(ByteArrayOutputStream out, ByteOrder order, int type, String name, double[] values) {
    boolean single = (type / 10) % 10 == 1;
    ByteBuffer b = ByteBuffer.allocate(20 + name.length() + 1 + values.length * (single ? 4 : 8)).order(order);
    b.putInt(type).putInt(values.length).putInt(1).putInt(0).putInt(name.length() + 1);
    b.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    for (double v : values) {
      if (single) {
        b.putFloat((float) v);
      } else {
        b.putDouble(v);
      }
    }
    out.writeBytes(b.array());
  }
}
