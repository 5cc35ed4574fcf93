#!/usr/bin/python3
"""Writes one new 8-bit MONOCHROME2 instance (CT_small.dcm's header, a smooth 256 x 256 phantom)
uncompressed to OUT, as a new study. For lossy-transcoding tests: JPEG baseline takes 8 bits.

usage: make_8bit_instance.py OUT
Prints the SOP Instance UID.
"""
import math
import sys
import warnings

import pydicom
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

warnings.simplefilter("ignore")
ds = pydicom.dcmread("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm")
rows = cols = 256
pixels = bytearray(rows * cols)
for y in range(rows):
    for x in range(cols):
        r = math.hypot(x - 128, y - 128)
        v = 60 + 0.4 * x + 0.2 * y + (90 if r < 70 else 0) + 20 * math.sin(x / 9.0) * math.cos(y / 13.0)
        pixels[y * cols + x] = max(0, min(255, int(round(v))))
ds.Rows, ds.Columns = rows, cols
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
ds.PhotometricInterpretation = "MONOCHROME2"
ds.RescaleIntercept, ds.RescaleSlope = 0, 1
for keyword in ("WindowCenter", "WindowWidth", "SmallestImagePixelValue", "LargestImagePixelValue"):
    if keyword in ds:
        delattr(ds, keyword)
ds.PixelData = bytes(pixels)
ds["PixelData"].VR = "OB"
ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
uid = generate_uid()
ds.SOPInstanceUID = uid
ds.file_meta.MediaStorageSOPInstanceUID = uid
ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds.is_little_endian, ds.is_implicit_VR = True, False
ds.save_as(sys.argv[1])
print(uid)
