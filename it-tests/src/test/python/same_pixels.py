#!/usr/bin/python3
"""Compares the uncompressed Pixel Data of two files byte by byte (and the image attributes that
give the bytes their meaning). Prints the difference and exits 1 when they differ.

usage: same_pixels.py REFERENCE CANDIDATE
"""
import sys
import warnings

from pydicom import dcmread

warnings.simplefilter("ignore")
a, b = dcmread(sys.argv[1]), dcmread(sys.argv[2])
for keyword in ("Rows", "Columns", "SamplesPerPixel", "BitsAllocated", "PhotometricInterpretation",
                "PixelRepresentation", "NumberOfFrames"):
    if a.get(keyword) != b.get(keyword):
        print("%s differs: %s vs %s" % (keyword, a.get(keyword), b.get(keyword)))
        sys.exit(1)
pa, pb = a.PixelData, b.PixelData
n = max(len(pa), len(pb))
if len(pa) % 2 == 1 or len(pb) % 2 == 1:
    n = min(len(pa), len(pb))
if pa[:n] != pb[:n] or abs(len(pa) - len(pb)) > 1:
    diff = next((i for i in range(min(len(pa), len(pb))) if pa[i] != pb[i]), None)
    print("Pixel Data differs: %d vs %d bytes, first difference at byte %s" % (len(pa), len(pb), diff))
    sys.exit(1)
print("same")
