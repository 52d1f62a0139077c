package io.github.bratsensemble.cli.run;

/** Two case folders of one run get the same case id, so their outputs would overwrite each other. */
public final class DuplicateCaseIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  DuplicateCaseIdException(String message) {
    super(message);
  }
}
