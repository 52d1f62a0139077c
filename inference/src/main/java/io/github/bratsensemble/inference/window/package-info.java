/** Sliding-window inference: patch tiling, blending weights, mirroring and streaming accumulation. */
package io.github.bratsensemble.inference.window;
