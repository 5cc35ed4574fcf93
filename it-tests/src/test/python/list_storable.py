#!/usr/bin/python3
"""Lists the Part 10 files of a folder that a storage SCU can send, as pydicom sees them.

usage: list_storable.py DIR
Files pydicom cannot read whole, or that DCMTK's dcmdump reads only with warnings or errors
(truncated, odd-length OW, broken), are left out: DCMTK's storescu refuses those.
Prints PATH<TAB>TRANSFER SYNTAX UID<TAB>SOP INSTANCE UID for every file with file meta
information naming a transfer syntax, and a SOP Class and SOP Instance UID in the data set.
"""
import os
import subprocess
import sys
import warnings

import pydicom

warnings.simplefilter("ignore")
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        continue
    try:
        ds = pydicom.dcmread(path)  # the whole file: truncated ones are not storable
    except Exception:
        continue
    meta = getattr(ds, "file_meta", None)
    ts = getattr(meta, "TransferSyntaxUID", None) if meta is not None else None
    if not ts or "SOPClassUID" not in ds or "SOPInstanceUID" not in ds:
        continue
    dump = subprocess.run(["dcmdump", path], capture_output=True, text=True, errors="replace")
    complaints = [l for l in (dump.stdout + dump.stderr).splitlines() if l[:2] in ("E:", "F:", "W:")]
    if dump.returncode != 0 or complaints:
        continue
    print(f"{path}\t{ts}\t{str(ds.SOPInstanceUID).strip()}")
