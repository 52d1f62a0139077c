package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.imaging.geometry.Affine;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.resample.Interpolation;
import io.github.bratsensemble.imaging.resample.Resampler;
import io.github.bratsensemble.imaging.transform.AffineTransform;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.imaging.volume.LabelVolume;
import io.github.bratsensemble.preprocessor.atlas.Atlas;
import io.github.bratsensemble.preprocessor.deface.Defacing;
import io.github.bratsensemble.preprocessor.deface.FaceRegion;
import io.github.bratsensemble.preprocessor.discovery.Sequence;
import java.io.IOException;
import java.util.Map;

/** Writes defaced full-head native images, the face located through the registered atlas. */
final class NativeDefacing {
  private NativeDefacing() {}

  static void write(String id, Map<Sequence, LoadedSequence> loaded, Map<Sequence, AffineTransform> toCenter,
      AffineTransform toAtlas, Atlas atlas, LabelVolume centerMask, CaseStaging staging, Map<String, String> outputs,
      int threads) throws IOException {
    FaceRegion face = FaceRegion.fromBrainMask(atlas.brainMask());
    AffineTransform centerToAtlas = toAtlas.inverse();
    for (Sequence s : Sequence.values()) {
      FloatVolume original = loaded.get(s).original();
      AffineTransform sequenceToCenter = toCenter.get(s).inverse();
      LabelVolume mask = Resampler.resampleLabels(centerMask, original.grid(), sequenceToCenter,
          Interpolation.LABEL, 0, threads);
      Affine voxelToAtlas = centerToAtlas.after(sequenceToCenter).toAffine().compose(original.grid().affine());
      String file = CaseLayout.nativeDefaced(id, s);
      Nifti.writeFloat(staging.resolve(file), Defacing.deface(original, mask, voxelToAtlas, face));
      outputs.put("native/" + s.suffix() + "_defaced", file);
    }
  }
}
