/**
 * Multi-channel segmentation with an ONNX model ({@link
 * io.github.bratsensemble.inference.segment.OnnxSegmenter}): input normalisation and output decoding.
 */
package io.github.bratsensemble.inference.segment;
