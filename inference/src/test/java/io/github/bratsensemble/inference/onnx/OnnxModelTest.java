package io.github.bratsensemble.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {

  @Test
  void cudaRequestFallsBackToCpu() {
    // The CPU build of ONNX Runtime has no CUDA provider, so the request must fall back.
    try (OnnxModel model = OnnxModel.load(TestModels.identity(1), "identity.onnx", ExecutionOptions.cuda(0))) {
      assertEquals("CPU", model.device());
      Tensor out = model.run(new float[] {1, 2}, new long[] {1, 1, 1, 1, 2});
      assertArrayEquals(new float[] {1, 2}, out.data());
    }
  }

  @Test
  void signatureReadsDynamicDims() {
    try (OnnxModel model = OnnxModel.load(TestModels.identity(2), "identity.onnx", ExecutionOptions.cpu(1))) {
      assertEquals("image", model.signature().inputName());
      assertArrayEquals(new long[] {-1, 2, -1, -1, -1}, model.signature().inputShape());
      assertEquals("logits", model.signature().outputName());
    }
  }

  @Test
  void closeTwiceIsHarmless() {
    OnnxModel model = OnnxModel.load(TestModels.identity(1), "identity.onnx", ExecutionOptions.cpu(1));
    model.close();
    model.close();
  }

  @Test
  void missingFileIsNamed() {
    InferenceException e = assertThrows(InferenceException.class,
        () -> OnnxModel.load(Path.of("no/such/model.onnx"), ExecutionOptions.cpu()));

    assertEquals("ONNX model not found: no/such/model.onnx", e.getMessage());
  }

  @Test
  void folderIsNotAModel(@TempDir Path folder) {
    InferenceException e = assertThrows(InferenceException.class, () -> OnnxModel.load(folder, ExecutionOptions.cpu()));

    assertEquals(folder + " is a folder; an ONNX model file is required (a TensorFlow.js model folder converts with"
        + " 'models import-tfjs')", e.getMessage());
  }

  @Test
  void corruptModelIsNamed() {
    InferenceException e = assertThrows(InferenceException.class,
        () -> OnnxModel.load(new byte[] {1, 2, 3}, "broken.onnx", ExecutionOptions.cpu()));

    assertEquals("model broken.onnx is not an ONNX model file (its protobuf content could not be parsed)", e.getMessage());
  }

  @Test
  void wrongInputShapeIsNamed() {
    try (OnnxModel model = OnnxModel.load(TestModels.fixedIdentity(2, 2, 2), "fixed.onnx", ExecutionOptions.cpu(1))) {
      InferenceException e = assertThrows(InferenceException.class,
          () -> model.run(new float[27], new long[] {1, 1, 3, 3, 3}));

      assertTrue(e.getMessage().startsWith("model fixed.onnx failed on input [1, 1, 3, 3, 3]: "), e.getMessage());
    }
  }

  @Test
  void rankMismatchIsClear() {
    OnnxGraphBuilder b = new OnnxGraphBuilder("flat");
    b.input("x", -1, 3);
    b.node("Identity", "y", new String[] {"x"});
    b.output("y", -1, 3);
    try (OnnxModel model = OnnxModel.load(b.build(17, "test"), "flat.onnx", ExecutionOptions.cpu(1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.signature().check(3, 3));

      assertEquals("model flat.onnx input 'x' has shape [-1, 3]; a 5-D tensor [N, C, D, H, W] is required",
          e.getMessage());
    }
  }
}
