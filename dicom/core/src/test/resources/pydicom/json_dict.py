#!/usr/bin/python3
"""Prints {file: Dataset.to_json_dict()} (PS3.18 F DICOM JSON, all binary values inline) for the
DICOM files named on the command line; {file: null} where pydicom cannot produce it.
Used by DicomJsonPydicomTest (needs Debian's python3-pydicom)."""
import json
import sys

import pydicom

result = {}
for name in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(name, force=True)
        result[name] = ds.to_json_dict(bulk_data_threshold=10**12)
    except Exception:  # reported as null: the test lists these files
        result[name] = None
json.dump(result, sys.stdout)
