#!/usr/bin/python3
"""Copies DICOM files as instances of their own: Issuer of Patient ID set to ISSUER and every
Study/Series/SOP Instance UID replaced by one derived from ISSUER, so that a test's queries can
be scoped to its own copies whatever else the archive holds.

usage: make_query_corpus.py OUTDIR ISSUER FILE...
"""
import os
import sys
import warnings

import pydicom
from pydicom.uid import generate_uid

warnings.simplefilter("ignore")
out, issuer, files = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)


def remap(uid):
    return generate_uid(entropy_srcs=[issuer, str(uid)])


for f in files:
    ds = pydicom.dcmread(f)
    ds.IssuerOfPatientID = issuer
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"):
        if keyword in ds:
            setattr(ds, keyword, remap(getattr(ds, keyword)))
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(os.path.join(out, os.path.basename(f)))
