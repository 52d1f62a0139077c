/**
 * FreeSurfer-style conforming ({@code mri_convert --conform}): resampling any image to a 256^3
 * grid of 1 mm voxels stored in LIA order (coronal slices), the input grid that brainchop and
 * niivue models expect, and mapping results back onto the original grid.
 */
package io.github.bratsensemble.imaging.conform;
