package io.github.bratsensemble.preprocessor.registration;

/** The family of transforms a registration searches. */
public enum TransformType {
  /** Rotation and translation, 6 degrees of freedom: co-registration of one subject's sequences. */
  RIGID,
  /** Full linear map and translation, 12 degrees of freedom: for example registration to an atlas. */
  AFFINE
}
