"""Write a small NIfTI-1 file with nibabel, for the reader to check: a ramp with a known affine.

Usage: nibabel_write.py OUT DTYPE
"""
import sys

import nibabel
import numpy

dtype = numpy.dtype(sys.argv[2])
data = (numpy.arange(5 * 6 * 7).reshape((5, 6, 7), order="F") % 120).astype(dtype)
affine = numpy.array([
    [-0.9, 0.1, 0.0, 12.5],
    [0.1, 0.9, 0.05, -30.0],
    [0.0, -0.05, 2.5, 4.0],
    [0.0, 0.0, 0.0, 1.0],
])
image = nibabel.Nifti1Image(data, affine)
image.header.set_qform(affine, code=1)
image.header.set_sform(affine, code=2)
nibabel.save(image, sys.argv[1])
