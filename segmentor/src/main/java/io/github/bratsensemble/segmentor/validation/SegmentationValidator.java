package io.github.bratsensemble.segmentor.validation;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.segmentor.registry.LabelConvention;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Checks that a segmentation lies on the case grid and uses only the labels of its declared
 * convention, and converts it to the canonical convention ({@link LabelConvention#CANONICAL}).
 */
public final class SegmentationValidator {
  private SegmentationValidator() {}

  /**
   * Validates and converts one result.
   *
   * @param source names the result in messages, for example its file name
   * @throws InvalidSegmentationException naming the source and what is wrong
   */
  public static ValidatedSegmentation validate(
      String source, LabelVolume result, Grid caseGrid, LabelConvention declared)
      throws InvalidSegmentationException {
    String difference = result.grid().describeDifference(caseGrid, Grid.DEFAULT_TOLERANCE_MM);
    if (!difference.isEmpty()) {
      throw new InvalidSegmentationException(source + " is not on the input grid: " + difference);
    }

    long[] histogram = result.histogram();
    for (int label = 0; label < histogram.length; label++) {
      if (histogram[label] > 0 && !declared.allows(label)) {
        throw new InvalidSegmentationException(source + " contains label " + label + " in " + histogram[label]
            + " voxels, which the " + declared.jsonName() + " convention does not allow (allowed: "
            + Arrays.stream(declared.labels()).mapToObj(Integer::toString).collect(Collectors.joining(", "))
            + ")");
      }
    }

    boolean allBackground = histogram[0] == result.voxelCount();
    LabelVolume canonical = convert(result, declared, LabelConvention.CANONICAL).withGrid(caseGrid);
    return new ValidatedSegmentation(canonical, allBackground);
  }

  /** Maps each label of {@code from} to the same tissue class in {@code to}; labels must be valid in {@code from}. */
  public static LabelVolume convert(LabelVolume labels, LabelConvention from, LabelConvention to) {
    if (from == to) {
      return labels;
    }
    int[] table = from.mappingTo(to);
    byte[] source = labels.labelArray();
    byte[] target = new byte[source.length];
    for (int i = 0; i < source.length; i++) {
      int mapped = table[source[i] & 0xFF];
      if (mapped < 0) {
        throw new IllegalArgumentException("label " + (source[i] & 0xFF) + " at voxel " + i
            + " is not part of the " + from.jsonName() + " convention");
      }
      target[i] = (byte) mapped;
    }
    return LabelVolume.wrap(labels.grid(), target);
  }
}
