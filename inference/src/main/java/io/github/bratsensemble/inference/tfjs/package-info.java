/** Conversion of TensorFlow.js layers models, such as brainchop's MeshNet models, to ONNX. */
package io.github.bratsensemble.inference.tfjs;
