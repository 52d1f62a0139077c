package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.FusionMethod;
import java.nio.file.Path;

/**
 * File names of one case inside the run's output folder:
 *
 * <pre>
 * &lt;case&gt;/preprocessed/                     BraTS-space images, masks, transforms, QC (without --preprocessed);
 *                                          with --preprocessed and a brain mask, the masked images
 * &lt;case&gt;/segmentations/&lt;algorithm&gt;.nii.gz  each algorithm's result, BraTS 2023 labels
 * &lt;case&gt;/fusion/&lt;method&gt;.nii.gz            consensus per fusion method
 * &lt;case&gt;/fusion/&lt;method&gt;-agreement.json/.csv agreement report
 * &lt;case&gt;/fusion/&lt;method&gt;-entropy.nii.gz    vote entropy map
 * &lt;case&gt;/native/&lt;case&gt;-&lt;method&gt;.nii.gz     consensus on the native T1c grid (without --preprocessed)
 * &lt;case&gt;/report/index.html                self-contained case report
 * &lt;case&gt;/report/evaluation.csv/.json      metrics against the ground truth, when there is one
 * &lt;case&gt;/run-manifest.json                completed steps, rewritten after each
 * </pre>
 */
record CaseLayout(Path caseDir, String caseId) {

  Path preprocessed() {
    return caseDir.resolve("preprocessed");
  }

  /** A staging folder that the preprocessor fills and that becomes {@link #preprocessed()}. */
  Path preprocessingStage() {
    return caseDir.resolve(".preprocessing");
  }

  Path segmentations() {
    return caseDir.resolve("segmentations");
  }

  Path segmentation(String algorithm) {
    return segmentations().resolve(algorithm + ".nii.gz");
  }

  Path fusion() {
    return caseDir.resolve("fusion");
  }

  Path consensus(FusionMethod method) {
    return fusion().resolve(method.cliName() + ".nii.gz");
  }

  Path agreement(FusionMethod method) {
    return fusion().resolve(method.cliName() + "-agreement.json");
  }

  Path entropy(FusionMethod method) {
    return fusion().resolve(method.cliName() + "-entropy.nii.gz");
  }

  Path nativeConsensus(FusionMethod method) {
    return caseDir.resolve("native").resolve(caseId + "-" + method.cliName() + ".nii.gz");
  }

  Path report() {
    return caseDir.resolve("report");
  }
}
