package io.github.bratsensemble.imaging.nifti;

/**
 * One NIfTI header extension: its code (e.g. 4 = AFNI, 6 = comment) and raw content bytes,
 * without the 8-byte size/code prefix and as read, padding included.
 */
public record NiftiExtension(int code, byte[] content) {
  public NiftiExtension {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Size of this extension in the file: 8 bytes of size and code plus content padded to 16. */
  int paddedSize() {
    int raw = 8 + content.length;
    return (raw + 15) / 16 * 16;
  }
}
