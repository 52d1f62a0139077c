package io.github.bratsensemble.imaging.transform;

import io.github.bratsensemble.imaging.geometry.Affine;

/**
 * Conversion between NIfTI's RAS+ world coordinates and the LPS+ coordinates that ITK and ANTs
 * use in their transform files. The two differ by the sign of x and y, so a point converts with
 * {@code F = diag(-1, -1, 1)} and a map with {@code F M F} (F is its own inverse).
 */
public final class LpsConversion {
  private LpsConversion() {}

  /** Converts a point between RAS and LPS (the conversion is its own inverse). */
  public static double[] flipPoint(double[] p) {
    return new double[] {-p[0], -p[1], p[2]};
  }

  /** Converts a point map between RAS and LPS (the conversion is its own inverse). */
  public static Affine flipMap(Affine map) {
    double[] r = map.toRows();
    // In homogeneous form F M F negates element (row, col) when exactly one of the two indices
    // is x or y; column 3 (the offset) behaves like an unflipped index.
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        boolean rowFlipped = row < 2;
        boolean colFlipped = col < 2;
        if (rowFlipped != colFlipped) {
          r[row * 4 + col] = -r[row * 4 + col];
        }
      }
    }
    return Affine.ofRows(r);
  }

  /** Converts a transform given in LPS (as read from an ITK file) to RAS, keeping its centre. */
  public static AffineTransform fromLps(AffineTransform lps) {
    return AffineTransform.of(flipMap(lps.toAffine()), flipPoint(lps.center()));
  }

  /** Converts a RAS transform to LPS for writing an ITK file, keeping its centre. */
  public static AffineTransform toLps(AffineTransform ras) {
    return AffineTransform.of(flipMap(ras.toAffine()), flipPoint(ras.center()));
  }
}
