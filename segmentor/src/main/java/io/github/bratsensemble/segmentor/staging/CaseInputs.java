package io.github.bratsensemble.segmentor.staging;

import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.segmentor.registry.Modality;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four co-registered, skull-stripped images of one preprocessed case.
 *
 * @param caseId a name for the case, used in logs and container labels
 * @param grid the voxel grid of the images (read from the T1c image); every result must be on it
 * @param brainMask a brain mask on the same grid (non-zero inside the brain), or {@code null}; the
 *     built-in algorithms use it instead of deriving the brain from the non-zero voxels
 */
public record CaseInputs(String caseId, Path t1, Path t1c, Path t2, Path flair, Grid grid, Path brainMask) {

  /** Creates the inputs of a case without a brain mask file. */
  public CaseInputs(String caseId, Path t1, Path t1c, Path t2, Path flair, Grid grid) {
    this(caseId, t1, t1c, t2, flair, grid, null);
  }

  /** Returns these inputs with {@code mask} as the brain mask. */
  public CaseInputs withBrainMask(Path mask) {
    return new CaseInputs(caseId, t1, t1c, t2, flair, grid, mask);
  }

  public CaseInputs {
    if (caseId == null || t1 == null || t1c == null || t2 == null || flair == null || grid == null) {
      throw new IllegalArgumentException("a case needs an id, all four images and their grid");
    }
  }

  public Path path(Modality modality) {
    return switch (modality) {
      case T1 -> t1;
      case T1C -> t1c;
      case T2 -> t2;
      case FLAIR -> flair;
    };
  }

  /** Returns the four paths keyed by modality, in the order T1, T1c, T2, FLAIR. */
  public Map<Modality, Path> byModality() {
    Map<Modality, Path> map = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      map.put(m, path(m));
    }
    return map;
  }
}
