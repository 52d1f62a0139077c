package io.github.bratsensemble.inference;

import io.github.bratsensemble.imaging.geometry.Dimensions;
import io.github.bratsensemble.imaging.geometry.Grid;
import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.testing.TestData;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import io.github.bratsensemble.inference.brain.BrainExtractor;
import io.github.bratsensemble.inference.onnx.ExecutionOptions;
import io.github.bratsensemble.inference.onnx.OnnxGraphBuilder;
import io.github.bratsensemble.inference.onnx.OnnxModel;
import io.github.bratsensemble.inference.segment.Normalization;
import io.github.bratsensemble.inference.segment.OnnxSegmenter;
import io.github.bratsensemble.inference.segment.OutputDecoding;
import io.github.bratsensemble.inference.segment.SegmenterConfig;
import io.github.bratsensemble.inference.tfjs.TfjsImporter;
import io.github.bratsensemble.inference.tissue.TissueSegmenter;
import io.github.bratsensemble.inference.window.Blending;
import io.github.bratsensemble.inference.window.WindowSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Times MeshNet and MindGrab end to end on one 256^3 conformed volume each, split into ONNX
 * Runtime's run time and everything else (read, conform, scaling, argmax, mapping back, write),
 * and measures the peak heap of a 240x240x155 four-channel sliding-window run with 128^3 patches.
 * Run from the repository root:
 * {@code mvn -q -o -pl inference test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.bratsensemble.inference.InferenceBenchmark [-Dexec.args="meshnet mindgrab window"]}.
 */
public final class InferenceBenchmark {
  private InferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("inference-benchmark");
    java.util.List<String> selected = args.length == 0 ? java.util.List.of("meshnet", "mindgrab", "window") : java.util.List.of(args);
    if (selected.contains("meshnet")) {
      meshNet(work);
    }
    if (selected.contains("mindgrab")) {
      mindGrab(work);
    }
    if (selected.contains("window")) {
      slidingWindowHeap();
    }
  }

  /**
   * Runs MeshNet twice in one JVM, as the {@code tissue} command does without bias correction; the
   * first run includes class loading and JIT compilation. Creating the ONNX Runtime session is timed
   * apart and left out of both shares.
   */
  private static void meshNet(Path work) throws Exception {
    for (String run : new String[] {"first run", "second run"}) {
      long loadStart = System.nanoTime();
      try (TissueSegmenter segmenter = new TissueSegmenter(
          OnnxModel.load(TestData.require("models/meshnet-gwm-onnx/model.onnx"), ExecutionOptions.cpu()))) {
        long sessionNanos = System.nanoTime() - loadStart;
        long start = System.nanoTime();
        FloatVolume t1 = Nifti.readFloat(TestData.require("brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1n.nii.gz"));
        Nifti.writeLabels(work.resolve("tissue.nii.gz"), segmenter.segment(t1));
        report("MeshNet GWM, whole 256^3, " + run, System.nanoTime() - start, segmenter.model().runNanos());
        System.out.printf(Locale.ROOT, "%-50s session creation %.2f s%n", "", sessionNanos / 1e9);
      }
    }
  }

  private static void mindGrab(Path work) throws Exception {
    Path onnx = TfjsImporter.convertCached(TestData.require("models/mindgrab-tfjs"), work, true);
    long start = System.nanoTime();
    FloatVolume atlas = Nifti.readFloat(TestData.require("atlas/sri24_t1_1mm_skull_stripped.nii.gz"));
    try (OnnxModel model = OnnxModel.load(onnx, ExecutionOptions.cpu());
        BrainExtractor extractor = new BrainExtractor(model)) {
      Nifti.writeLabels(work.resolve("mask.nii.gz"), extractor.extract(atlas));
      report("MindGrab, SRI24 atlas (cropped 256^3)", System.nanoTime() - start, model.runNanos());
    }
  }

  private static void slidingWindowHeap() {
    Grid grid = Grid.BRATS;
    Dimensions dims = grid.dimensions();
    Random random = new Random(1);
    FloatVolume[] channels = new FloatVolume[4];
    for (int c = 0; c < 4; c++) {
      float[] voxels = new float[dims.voxelCount()];
      for (int i = 0; i < voxels.length; i++) {
        voxels[i] = random.nextFloat();
      }
      channels[c] = FloatVolume.wrap(grid, voxels);
    }
    // A 3x3x3 convolution from 4 channels to 4 classes stands in for a segmentation network.
    OnnxGraphBuilder b = new OnnxGraphBuilder("conv");
    b.input("image", -1, 4, -1, -1, -1);
    float[] kernel = new float[4 * 4 * 27];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) random.nextGaussian() / 10;
    }
    b.node("Conv", "logits", new String[] {"image", b.initializer("w", kernel, 4, 4, 3, 3, 3)},
        OnnxGraphBuilder.ints("kernel_shape", 3, 3, 3), OnnxGraphBuilder.ints("pads", 1, 1, 1, 1, 1, 1));
    b.output("logits", -1, 4, -1, -1, -1);
    WindowSettings window = new WindowSettings(new int[] {128, 128, 128}, 0.5, Blending.GAUSSIAN, 2, new int[] {0});
    SegmenterConfig config = new SegmenterConfig(new Normalization.ZScoreBrain(), window,
        new OutputDecoding.Softmax(new int[] {0, 1, 2, 3}));
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    try (OnnxSegmenter segmenter = new OnnxSegmenter(OnnxModel.load(b.build(17, "benchmark"), "conv", ExecutionOptions.cpu()), config)) {
      segmenter.segment(channels);
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(Locale.ROOT, "%-50s peak heap %.0f MB (max heap %.0f MB), total %.1f s, ONNX Runtime %.1f s%n",
          "sliding window 240x240x155x4, 128^3", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
          (System.nanoTime() - start) / 1e9, segmenter.model().runNanos() / 1e9);
    }
  }

  private static void report(String name, long totalNanos, long ortNanos) {
    System.out.printf(Locale.ROOT, "%-50s total %.1f s, ONNX Runtime %.1f s, everything else %.1f s (%.1f %%)%n", name,
        totalNanos / 1e9, ortNanos / 1e9, (totalNanos - ortNanos) / 1e9, 100.0 * (totalNanos - ortNanos) / totalNanos);
  }
}
