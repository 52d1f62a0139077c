package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.preprocessor.discovery.Sequence;

/**
 * File names inside a preprocessed case folder, relative to it. BraTS-space files follow the BraTS
 * 2023 naming; transforms are named {@code <moving>_to_<fixed>.mat} and, as in ANTs, map points of
 * the fixed space to the moving image.
 *
 * <pre>
 * &lt;case&gt;-t1n.nii.gz, -t1c, -t2w, -t2f        BraTS space, skull-stripped
 * &lt;case&gt;-brain_mask.nii.gz                   BraTS space
 * native/&lt;case&gt;-&lt;seq&gt;_brain.nii.gz           input grid, skull-stripped
 * native/&lt;case&gt;-&lt;seq&gt;_brain_mask.nii.gz      input grid
 * native/&lt;case&gt;-&lt;seq&gt;_defaced.nii.gz         input grid, with --deface
 * native/&lt;case&gt;-&lt;seq&gt;.nii.gz + .json         converted DICOM input and its sidecar
 * transforms/&lt;case&gt;-&lt;seq&gt;_to_&lt;center&gt;.mat    co-registration (fixed: centre sequence)
 * transforms/&lt;case&gt;-&lt;seq&gt;_to_atlas.mat       atlas (BraTS) space to the native sequence
 * qc/&lt;case&gt;-montage.png, qc/&lt;case&gt;-checkerboard.png
 * manifest.json                              written last
 * </pre>
 */
public final class CaseLayout {
  public static final String NATIVE_FOLDER = "native";
  public static final String TRANSFORMS_FOLDER = "transforms";
  public static final String QC_FOLDER = "qc";

  private CaseLayout() {}

  public static String bratsImage(String caseId, Sequence sequence) {
    return caseId + "-" + sequence.suffix() + ".nii.gz";
  }

  public static String brainMask(String caseId) {
    return caseId + "-brain_mask.nii.gz";
  }

  public static String nativeBrain(String caseId, Sequence sequence) {
    return NATIVE_FOLDER + "/" + caseId + "-" + sequence.suffix() + "_brain.nii.gz";
  }

  public static String nativeBrainMask(String caseId, Sequence sequence) {
    return NATIVE_FOLDER + "/" + caseId + "-" + sequence.suffix() + "_brain_mask.nii.gz";
  }

  public static String nativeDefaced(String caseId, Sequence sequence) {
    return NATIVE_FOLDER + "/" + caseId + "-" + sequence.suffix() + "_defaced.nii.gz";
  }

  /** Base name (no extension) of a DICOM series converted to NIfTI. */
  public static String convertedInputBase(String caseId, Sequence sequence) {
    return caseId + "-" + sequence.suffix();
  }

  public static String coRegistration(String caseId, Sequence moving, Sequence center) {
    return TRANSFORMS_FOLDER + "/" + caseId + "-" + moving.suffix() + "_to_" + center.suffix() + ".mat";
  }

  public static String toAtlas(String caseId, Sequence sequence) {
    return TRANSFORMS_FOLDER + "/" + caseId + "-" + sequence.suffix() + "_to_atlas.mat";
  }

  public static String qcMontage(String caseId) {
    return QC_FOLDER + "/" + caseId + "-montage.png";
  }

  public static String qcCheckerboard(String caseId) {
    return QC_FOLDER + "/" + caseId + "-checkerboard.png";
  }
}
