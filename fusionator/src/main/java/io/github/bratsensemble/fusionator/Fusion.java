package io.github.bratsensemble.fusionator;

import io.github.bratsensemble.fusionator.btk.BtkMav;
import io.github.bratsensemble.fusionator.btk.BtkSimple;
import io.github.bratsensemble.fusionator.labels.FusedLabels;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import io.github.bratsensemble.fusionator.labels.LabelStack;
import io.github.bratsensemble.fusionator.labels.StructureDiagnostics;
import io.github.bratsensemble.fusionator.regions.RegionVote;
import io.github.bratsensemble.fusionator.simple.SimpleFusion;
import io.github.bratsensemble.fusionator.staple.MultiLabelStaple;
import io.github.bratsensemble.fusionator.staple.StapleFusion;
import io.github.bratsensemble.fusionator.voting.MajorityVote;
import io.github.bratsensemble.fusionator.voting.TiePolicy;
import io.github.bratsensemble.fusionator.voting.Weights;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuses the label maps of one case into a consensus: {@code fuse(inputs, options) -> FusionResult}.
 *
 * <p>Inputs are validated first (shared grid: dimensions equal and affines within 1e-3 mm of the
 * reference input; every label inside the input's convention), then converted to the output
 * convention and fused with the chosen {@link FusionMethod}. The output is on the reference input's
 * grid. A single input is copied (after conversion) with a warning. Inputs are never modified.
 * Thread-safe (stateless); large steps use the common fork-join pool.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * Fuses {@code inputs} with {@code options}.
   *
   * @throws IllegalArgumentException when there are no inputs, grids differ, a label lies outside its
   *     convention, the weights do not fit, or the method does not support the convention or tie
   *     policy. The message names the input and the values.
   */
  public static FusionResult fuse(List<FusionInput> inputs, FusionOptions options) {
    InputValidation.check(inputs, options);
    double[] weights = options.weights() == null ? Weights.unit(inputs.size()) : options.weights();
    Weights.check(weights, inputs.size());
    checkTiePolicy(options);

    Grid grid = inputs.get(options.referenceIndex()).labels().grid();
    List<byte[]> arrays = new ArrayList<>(inputs.size());
    List<String> names = new ArrayList<>(inputs.size());
    List<LabelConvention> conventions = new ArrayList<>(inputs.size());
    for (FusionInput input : inputs) {
      arrays.add(input.labels().labelArray());
      names.add(input.name());
      conventions.add(input.convention());
    }
    LabelStack unconverted = LabelStack.of(grid, arrays);
    InputValidation.checkLabels(inputs, unconverted);
    LabelStack stack = unconverted.convert(conventions, options.convention());

    List<String> warnings = new ArrayList<>();
    List<StructureDiagnostics> diagnostics = new ArrayList<>();
    FusedLabels fused;
    if (inputs.size() == 1) {
      warnings.add("only one input (" + names.get(0) + "): the output is a copy of it");
      fused = new FusedLabels(stack.labels(0).clone(), 0);
    } else {
      fused = run(stack, options, weights, diagnostics);
    }

    LabelVolume volume = LabelVolume.wrap(grid, stack.expand(fused.activeLabels(), fused.inactiveLabel()));
    return new FusionResult(volume, options, names, weights, stack, fused, diagnostics, warnings);
  }

  private static FusedLabels run(
      LabelStack stack, FusionOptions options, double[] weights, List<StructureDiagnostics> diagnostics) {
    return switch (options.method()) {
      case MAJORITY -> MajorityVote.fuse(stack, options.convention(), weights, options.tie());
      case REGIONS -> RegionVote.fuse(stack, options.convention(), weights, options.tie());
      case SIMPLE -> {
        SimpleFusion.Fused result = SimpleFusion.fuse(stack, options.convention(), weights, options.simple());
        diagnostics.addAll(result.diagnostics());
        yield result.labels();
      }
      case STAPLE -> {
        StapleFusion.Fused result = StapleFusion.fuse(stack, options.convention(), options.staple());
        diagnostics.addAll(result.diagnostics());
        yield result.labels();
      }
      case STAPLE_MULTILABEL -> {
        MultiLabelStaple.Outcome result =
            MultiLabelStaple.estimate(stack, options.convention(), weights, options.staple());
        diagnostics.add(result.diagnostics());
        yield result.labels();
      }
      case BTK_MAV -> BtkMav.fuse(stack, weights);
      case BTK_SIMPLE -> {
        BtkSimple.Fused result = BtkSimple.fuseLabels(stack, weights);
        diagnostics.addAll(result.diagnostics());
        yield result.labels();
      }
      case BTK_BRATS_SIMPLE -> {
        BtkSimple.Fused result = BtkSimple.fuseRegions(stack, options.convention(), weights);
        diagnostics.addAll(result.diagnostics());
        yield result.labels();
      }
    };
  }

  /**
   * Checks the options that do not depend on the inputs, so a caller can reject them before reading
   * any input: the method supports the convention and the tie policy, and an undecided label is not
   * a foreground label of the convention.
   *
   * @throws IllegalArgumentException naming the method, policy or label
   */
  public static void checkOptions(FusionOptions options) {
    checkTiePolicy(options);
  }

  /** Rejects tie policies and conventions that the method cannot honour, before any work. */
  private static void checkTiePolicy(FusionOptions options) {
    FusionMethod method = options.method();
    TiePolicy tie = options.tie();
    boolean needsRegions = method == FusionMethod.REGIONS || method == FusionMethod.BTK_BRATS_SIMPLE;
    if (needsRegions && !options.convention().isBrats()) {
      throw new IllegalArgumentException("method " + method.cliName()
          + " needs a BraTS label convention (brats2021 or brats2023) but got " + options.convention().name());
    }
    if (tie.kind() == TiePolicy.Kind.UNDECIDED && method != FusionMethod.MAJORITY) {
      throw new IllegalArgumentException("tie policy " + tie.text() + " is only available for method majority");
    }
    if (tie.kind() == TiePolicy.Kind.UNDECIDED && tie.undecidedLabel() != 0
        && isForeground(options.convention(), tie.undecidedLabel())) {
      throw new IllegalArgumentException("tie policy " + tie.text() + ": label " + tie.undecidedLabel()
          + " is a foreground label of " + options.convention().name()
          + "; choose a label outside the convention, such as 255, so ties stay distinguishable");
    }
    if (tie.kind() == TiePolicy.Kind.HIGHEST_PRIORITY
        && method != FusionMethod.MAJORITY && method != FusionMethod.REGIONS) {
      throw new IllegalArgumentException(
          "tie policy " + tie.text() + " is only available for methods majority and regions");
    }
  }

  private static boolean isForeground(LabelConvention convention, int label) {
    for (int foreground : convention.foregroundLabels()) {
      if (foreground == label) {
        return true;
      }
    }
    return false;
  }
}
