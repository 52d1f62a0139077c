package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.simple.SimpleParameters;
import io.github.bratsensemble.fusionator.staple.StapleParameters;
import io.github.bratsensemble.fusionator.voting.TiePolicy;

/**
 * Everything that controls one fusion.
 *
 * @param method the fusion method
 * @param convention the label convention of the output; inputs in another BraTS convention are
 *     converted to it
 * @param weights one positive weight per input, or {@code null} for weight 1 each; STAPLE methods
 *     ignore weights except multi-label STAPLE's first estimate
 * @param tie the tie policy of {@code majority} ({@code regions} accepts background and
 *     highest-priority)
 * @param simple SIMPLE parameters
 * @param staple STAPLE parameters
 * @param referenceIndex the input whose grid the output takes
 */
public record FusionOptions(
    FusionMethod method,
    LabelConvention convention,
    double[] weights,
    TiePolicy tie,
    SimpleParameters simple,
    StapleParameters staple,
    int referenceIndex) {

  public FusionOptions {
    if (method == null || convention == null || tie == null || simple == null || staple == null) {
      throw new IllegalArgumentException("method, convention, tie, simple and staple are required");
    }
    if (referenceIndex < 0) {
      throw new IllegalArgumentException("reference index must be >= 0 but was " + referenceIndex);
    }
    weights = weights == null ? null : weights.clone();
  }

  /** Returns the defaults for {@code method}: BraTS 2021 labels, unit weights, background ties. */
  public static FusionOptions defaults(FusionMethod method) {
    return new FusionOptions(method, LabelConvention.BRATS2021, null, TiePolicy.BACKGROUND,
        SimpleParameters.DEFAULTS, StapleParameters.DEFAULTS, 0);
  }

  public FusionOptions withConvention(LabelConvention value) {
    return new FusionOptions(method, value, weights, tie, simple, staple, referenceIndex);
  }

  public FusionOptions withWeights(double... value) {
    return new FusionOptions(method, convention, value, tie, simple, staple, referenceIndex);
  }

  public FusionOptions withTie(TiePolicy value) {
    return new FusionOptions(method, convention, weights, value, simple, staple, referenceIndex);
  }

  public FusionOptions withSimple(SimpleParameters value) {
    return new FusionOptions(method, convention, weights, tie, value, staple, referenceIndex);
  }

  public FusionOptions withStaple(StapleParameters value) {
    return new FusionOptions(method, convention, weights, tie, simple, value, referenceIndex);
  }

  public FusionOptions withReferenceIndex(int value) {
    return new FusionOptions(method, convention, weights, tie, simple, staple, value);
  }

  @Override
  public double[] weights() {
    return weights == null ? null : weights.clone();
  }
}
