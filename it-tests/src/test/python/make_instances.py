#!/usr/bin/python3
"""Writes N copies of CT_small.dcm as new instances of one new study: OUTDIR/<SOP Instance UID>.dcm.

usage: make_instances.py OUTDIR N
Prints the Study Instance UID.
"""
import os
import sys
import warnings

import pydicom
from pydicom.uid import generate_uid

warnings.simplefilter("ignore")
out, n = sys.argv[1], int(sys.argv[2])
source = pydicom.dcmread("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm")
study, series = generate_uid(), generate_uid()
source.StudyInstanceUID = study
source.SeriesInstanceUID = series
source.PatientID = "CRASH-" + study[-8:]
os.makedirs(out, exist_ok=True)
for i in range(n):
    uid = generate_uid()
    source.SOPInstanceUID = uid
    source.file_meta.MediaStorageSOPInstanceUID = uid
    source.InstanceNumber = i + 1
    source.save_as(os.path.join(out, uid + ".dcm"))
print(study)
