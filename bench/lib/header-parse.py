#!/usr/bin/python3
"""pydicom side of the header-parse benchmark: dcmread(stop_before_pixels=True) of every file of a
directory, in one process, PASSES times (the first is a warm-up); prints the best files/s."""
import os
import sys
import time

import pydicom

d, passes = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".dcm"))
best = 0.0
for _ in range(passes):
    t = time.perf_counter()
    for f in files:
        pydicom.dcmread(f, stop_before_pixels=True)
    best = max(best, len(files) / (time.perf_counter() - t))
print("%.1f" % best)
