/** Grey and white matter segmentation with MeshNet ({@link io.github.bratsensemble.inference.tissue.TissueSegmenter}). */
package io.github.bratsensemble.inference.tissue;
