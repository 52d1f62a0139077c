package io.github.bratsensemble.inference.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds a single-graph ONNX model with float tensors from the ONNX protobuf classes: graph
 * inputs and outputs, float initializers and nodes. Dimensions given as -1 become the symbolic
 * dimension {@code N} (batch) or {@code dim<i>}. Not thread-safe.
 */
public final class OnnxGraphBuilder {
  /** ONNX IR version 8 goes with opsets up to 18. */
  private static final long IR_VERSION = 8;

  private final OnnxMl.GraphProto.Builder graph;
  private int nodeCount;

  public OnnxGraphBuilder(String graphName) {
    this.graph = OnnxMl.GraphProto.newBuilder().setName(graphName);
  }

  /** Declares a float graph input and returns its name. */
  public String input(String name, long... dims) {
    graph.addInput(valueInfo(name, dims));
    return name;
  }

  /** Declares a float graph output. */
  public void output(String name, long... dims) {
    graph.addOutput(valueInfo(name, dims));
  }

  /** Adds a float constant (little-endian raw data) and returns its name. */
  public String initializer(String name, float[] values, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder()
        .setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : dims) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    return name;
  }

  /** Adds a scalar float constant and returns its name. */
  public String scalar(String name, float value) {
    return initializer(name, new float[] {value});
  }

  /** Adds a node with one output and returns the output name. */
  public String node(String opType, String output, String[] inputs, OnnxMl.AttributeProto... attributes) {
    OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder()
        .setOpType(opType)
        .setName(opType + "_" + nodeCount++)
        .addOutput(output);
    for (String input : inputs) {
      node.addInput(input);
    }
    for (OnnxMl.AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return output;
  }

  /** Returns an integer-list attribute. */
  public static OnnxMl.AttributeProto ints(String name, long... values) {
    OnnxMl.AttributeProto.Builder attribute = OnnxMl.AttributeProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      attribute.addInts(v);
    }
    return attribute.build();
  }

  /** Returns an integer attribute. */
  public static OnnxMl.AttributeProto integer(String name, long value) {
    return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value).build();
  }

  /** Returns a string attribute. */
  public static OnnxMl.AttributeProto string(String name, String value) {
    return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }

  /** Returns a float attribute. */
  public static OnnxMl.AttributeProto floating(String name, float value) {
    return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  /** Serializes the model with the default ONNX operator set at {@code opset}. */
  public byte[] build(int opset, String producer) {
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(producer)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, long[] dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (int i = 0; i < dims.length; i++) {
      OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
      if (dims[i] < 0) {
        dim.setDimParam(i == 0 ? "N" : "dim" + i);
      } else {
        dim.setDimValue(dims[i]);
      }
      shape.addDim(dim);
    }
    OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
            .setShape(shape))
        .build();
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }
}
