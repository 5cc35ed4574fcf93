#!/usr/bin/python3
"""Peak signal-to-noise ratio of CANDIDATE's uncompressed pixels against REFERENCE's (same
geometry), in dB over the Bits Stored range. Prints it; exits 1 when below MIN_DB or identical
pixels are not expected but found (a lossy path that did not compress is not tested).

usage: psnr.py REFERENCE CANDIDATE MIN_DB
"""
import math
import sys
import warnings

from pydicom import dcmread

warnings.simplefilter("ignore")
a, b = dcmread(sys.argv[1]), dcmread(sys.argv[2])
minimum = float(sys.argv[3])
for keyword in ("Rows", "Columns", "SamplesPerPixel", "BitsAllocated"):
    if a.get(keyword) != b.get(keyword):
        print("%s differs: %s vs %s" % (keyword, a.get(keyword), b.get(keyword)))
        sys.exit(1)
if a.BitsAllocated != 8:
    print("only 8-bit samples are compared")
    sys.exit(1)
pa, pb = a.PixelData, b.PixelData
n = a.Rows * a.Columns * a.SamplesPerPixel
if len(pa) < n or len(pb) < n:
    print("Pixel Data too short: %d / %d bytes for %d samples" % (len(pa), len(pb), n))
    sys.exit(1)
mse = sum((pa[i] - pb[i]) ** 2 for i in range(n)) / n
peak = (1 << a.BitsStored) - 1
psnr = float("inf") if mse == 0 else 10 * math.log10(peak * peak / mse)
print("PSNR %.2f dB (MSE %.4f)" % (psnr, mse))
sys.exit(0 if psnr >= minimum else 1)
