"""Dump a NIfTI file as nibabel sees it: JSON metadata on stdout, float64 voxels (x fastest) to a file.

Usage: nibabel_dump.py IMAGE RAW_OUT
"""
import json
import sys

import nibabel
import numpy

image = nibabel.load(sys.argv[1])
data = numpy.asanyarray(image.dataobj).astype(numpy.float64)
slope, inter = image.header.get_slope_inter()
if slope is not None:
    data = data * slope + (inter or 0.0)
data.reshape(-1, order="F").astype("<f8").tofile(sys.argv[2])
print(json.dumps({
    "shape": [int(s) for s in image.shape],
    "affine": numpy.asarray(image.affine, dtype=float).tolist(),
    "dtype": str(image.get_data_dtype()),
    "qform_code": int(image.header["qform_code"]) if "qform_code" in image.header else 0,
    "sform_code": int(image.header["sform_code"]) if "sform_code" in image.header else 0,
    "extensions": len(getattr(image.header, "extensions", [])),
}))
