/**
 * ONNX Runtime sessions ({@link io.github.bratsensemble.inference.onnx.OnnxModel}) on the CPU or a
 * CUDA device, their declared signatures, and an ONNX graph builder.
 */
package io.github.bratsensemble.inference.onnx;
