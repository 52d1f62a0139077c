/**
 * Models that take one conformed 256^3 volume, as brainchop's do, run on images of any grid
 * ({@link io.github.bratsensemble.inference.conformed.ConformedSegmenter}).
 */
package io.github.bratsensemble.inference.conformed;
