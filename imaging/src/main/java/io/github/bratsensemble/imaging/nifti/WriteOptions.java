package io.github.bratsensemble.imaging.nifti;

/**
 * Options for {@link NiftiWriter}.
 *
 * @param dataType the datatype to store, or {@code null} for the smallest one that holds the
 *     values losslessly
 * @param description the 80-byte {@code descrip} field
 */
public record WriteOptions(NiftiDataType dataType, String description) {
  public static WriteOptions defaults() {
    return new WriteOptions(null, "brats-ensemble");
  }

  public WriteOptions withDataType(NiftiDataType type) {
    return new WriteOptions(type, description);
  }

  public WriteOptions withDescription(String text) {
    return new WriteOptions(dataType, text);
  }
}
