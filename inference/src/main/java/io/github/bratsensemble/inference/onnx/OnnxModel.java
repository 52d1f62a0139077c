package io.github.bratsensemble.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX model loaded into an ONNX Runtime session, with one float input and one float output.
 *
 * <p>With {@link ExecutionOptions#wantsGpu()} the CUDA execution provider is requested on the
 * chosen device; when that fails (CPU-only runtime on the class path, no driver, no such device)
 * the session is created on the CPU and a warning is logged, and {@link #device()} returns where
 * it runs. {@link #run} is safe to call from several threads; {@link #close} releases the native
 * session; it may be called more than once.
 */
public final class OnnxModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final ModelSignature signature;
  private final String device;
  private final AtomicLong runNanos = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private OnnxModel(OrtEnvironment environment, OrtSession session, ModelSignature signature, String device) {
    this.environment = environment;
    this.session = session;
    this.signature = signature;
    this.device = device;
  }

  /**
   * Loads an ONNX file.
   *
   * @throws InferenceException if the file is missing or ONNX Runtime rejects it
   */
  public static OnnxModel load(Path file, ExecutionOptions options) {
    if (Files.isDirectory(file)) {
      throw new InferenceException(file + " is a folder; an ONNX model file is required (a TensorFlow.js model"
          + " folder converts with 'models import-tfjs')");
    }
    if (!Files.isRegularFile(file)) {
      throw new InferenceException("ONNX model not found: " + file);
    }
    return create(file.getFileName().toString(), options, (env, opts) -> env.createSession(file.toString(), opts));
  }

  /** Loads a serialized ONNX model held in memory; {@code name} is used in messages. */
  public static OnnxModel load(byte[] model, String name, ExecutionOptions options) {
    return create(name, options, (env, opts) -> env.createSession(model, opts));
  }

  private interface SessionFactory {
    OrtSession create(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;
  }

  private static OnnxModel create(String name, ExecutionOptions options, SessionFactory factory) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session = null;
    String device = "CPU";
    if (options.wantsGpu()) {
      try (OrtSession.SessionOptions gpuOptions = sessionOptions(options)) {
        gpuOptions.addCUDA(options.gpuDevice());
        session = factory.create(environment, gpuOptions);
        device = "CUDA:" + options.gpuDevice();
      } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
        LOG.warn("CUDA device {} could not be initialised for model {} ({}); running on the CPU",
            options.gpuDevice(), name, e.getMessage());
      }
    }
    if (session == null) {
      try (OrtSession.SessionOptions cpuOptions = sessionOptions(options)) {
        session = factory.create(environment, cpuOptions);
      } catch (OrtException e) {
        if (e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF) {
          throw new InferenceException("model " + name + " is not an ONNX model file (its protobuf content could not be"
              + " parsed)", e);
        }
        throw new InferenceException("ONNX Runtime could not load model " + name + ": " + e.getMessage(), e);
      }
    }
    try {
      ModelSignature signature = readSignature(name, session);
      LOG.debug("loaded model {} on {}: {}", name, device, signature);
      return new OnnxModel(environment, session, signature, device);
    } catch (RuntimeException e) {
      closeQuietly(session, e);
      throw e;
    }
  }

  private static OrtSession.SessionOptions sessionOptions(ExecutionOptions options) throws OrtException {
    OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
    try {
      sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (options.intraOpThreads() > 0) {
        sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
      }
      return sessionOptions;
    } catch (OrtException e) {
      sessionOptions.close();
      throw e;
    }
  }

  private static ModelSignature readSignature(String name, OrtSession session) {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      if (inputs.size() != 1 || outputs.size() != 1) {
        throw new IllegalArgumentException("model " + name + " has inputs " + inputs.keySet() + " and outputs "
            + outputs.keySet() + "; exactly one input and one output are supported");
      }
      NodeInfo input = inputs.values().iterator().next();
      NodeInfo output = outputs.values().iterator().next();
      return new ModelSignature(name, input.getName(), floatShape(name, input), output.getName(), floatShape(name, output));
    } catch (OrtException e) {
      throw new InferenceException("ONNX Runtime could not read the inputs of model " + name + ": " + e.getMessage(), e);
    }
  }

  private static long[] floatShape(String name, NodeInfo node) {
    if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException("model " + name + " tensor '" + node.getName() + "' is " + node.getInfo()
          + "; a float32 tensor is required");
    }
    return tensor.getShape();
  }

  public ModelSignature signature() {
    return signature;
  }

  /** Returns where the session runs: {@code "CPU"} or {@code "CUDA:<device>"}. */
  public String device() {
    return device;
  }

  /** Returns the total time spent inside ONNX Runtime's {@code run}, output copy included, since loading. */
  public long runNanos() {
    return runNanos.get();
  }

  /**
   * Runs the model on one input tensor and returns the output as a heap copy.
   *
   * @param input values in row-major order; copied into native memory for the call
   * @throws InferenceException if ONNX Runtime fails, with the model name and input shape
   */
  public Tensor run(float[] input, long[] shape) {
    FloatBuffer buffer = ByteBuffer.allocateDirect(input.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    buffer.put(input).rewind();
    return run(buffer, shape);
  }

  /**
   * Runs the model on the remaining elements of a direct buffer without copying them.
   *
   * @throws InferenceException if ONNX Runtime fails, with the model name and input shape
   */
  public Tensor run(FloatBuffer input, long[] shape) {
    long start = System.nanoTime();
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
        OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor))) {
      OnnxValue value = result.get(0);
      if (!(value instanceof OnnxTensor outputTensor)) {
        throw new InferenceException("model " + signature.modelName() + " returned " + value.getInfo() + "; a tensor is required");
      }
      long[] outputShape = outputTensor.getInfo().getShape();
      FloatBuffer outputBuffer = outputTensor.getFloatBuffer();
      float[] data = new float[outputBuffer.remaining()];
      outputBuffer.get(data);
      return new Tensor(data, outputShape);
    } catch (OrtException e) {
      throw new InferenceException("model " + signature.modelName() + " failed on input " + Arrays.toString(shape)
          + ": " + e.getMessage(), e);
    } finally {
      runNanos.addAndGet(System.nanoTime() - start);
    }
  }

  /** Releases the native session; later calls do nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new InferenceException("ONNX Runtime could not close model " + signature.modelName() + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OrtSession session, Exception primary) {
    try {
      session.close();
    } catch (OrtException e) {
      primary.addSuppressed(e);
    }
  }
}
