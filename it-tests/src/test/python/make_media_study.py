#!/usr/bin/python3
"""Writes one new study for media tests from pydicom's test files, each source file its own series
with fresh UIDs and one new patient, keeping each file's transfer syntax.

usage: make_media_study.py OUTDIR
Prints the Study Instance UID, then one line per file: PATH<TAB>TRANSFER_SYNTAX_UID.
"""
import os
import sys
import warnings

import pydicom
from pydicom.uid import generate_uid

warnings.simplefilter("ignore")
FILES = "/usr/lib/python3/dist-packages/pydicom/data/test_files/"
SOURCES = ["CT_small.dcm", "CT_small.dcm", "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm",
           "MR_small_jp2klossless.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_rle.dcm", "test-SR.dcm"]
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
study = generate_uid()
patient = "MEDIA-" + study[-8:]
print(study)
series_of = {}
for i, name in enumerate(SOURCES):
    ds = pydicom.dcmread(FILES + name)
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series_of.setdefault(name, generate_uid())
    ds.PatientID = patient
    ds.PatientName = "MEDIA^PATIENT"
    ds.PatientBirthDate = "19700101"
    ds.StudyID = "M1"
    # one study: its attributes agree in every file (DCMTK's dcmmkdir checks that)
    ds.StudyDate = "20240131"
    ds.StudyTime = "101500"
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SeriesNumber = len(series_of)
    ds.InstanceNumber = i + 1
    ds.AccessionNumber = "ACC" + study[-6:]
    uid = generate_uid()
    ds.SOPInstanceUID = uid
    ds.file_meta.MediaStorageSOPInstanceUID = uid
    path = os.path.join(out, uid + ".dcm")
    ds.save_as(path)
    print(path + "\t" + ds.file_meta.TransferSyntaxUID)
