/** Model-based brain extraction ({@link io.github.bratsensemble.inference.brain.BrainExtractor}). */
package io.github.bratsensemble.inference.brain;
