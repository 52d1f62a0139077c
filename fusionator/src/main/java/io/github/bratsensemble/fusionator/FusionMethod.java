package io.github.bratsensemble.fusionator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The fusion methods, by the names the command line uses. */
public enum FusionMethod {
  /** Weighted plurality vote over all labels with a tie policy. */
  MAJORITY("majority"),
  /** Nested binary majority votes of WT, TC and ET. */
  REGIONS("regions"),
  /** SIMPLE (Langerak 2010) per region or label. */
  SIMPLE("simple"),
  /** Binary STAPLE (Warfield 2004) per region or label. */
  STAPLE("staple"),
  /** Multi-label STAPLE (Rohlfing 2004). */
  STAPLE_MULTILABEL("staple-multilabel"),
  /** BraTS Toolkit 1.x majority vote, quirks included. */
  BTK_MAV("btk-mav"),
  /** BraTS Toolkit 1.x SIMPLE per label, quirks included. */
  BTK_SIMPLE("btk-simple"),
  /** BraTS Toolkit 1.x SIMPLE per BraTS region, quirks included. */
  BTK_BRATS_SIMPLE("btk-brats-simple");

  private final String cliName;

  FusionMethod(String cliName) {
    this.cliName = cliName;
  }

  /** Returns the command-line name, such as {@code btk-mav}. */
  public String cliName() {
    return cliName;
  }

  /**
   * Returns the method with the given command-line name (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static FusionMethod parse(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (FusionMethod method : values()) {
      if (method.cliName.equals(lower)) {
        return method;
      }
    }
    throw new IllegalArgumentException("unknown fusion method '" + name + "': expected one of "
        + Arrays.stream(values()).map(FusionMethod::cliName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
