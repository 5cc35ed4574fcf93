#!/usr/bin/python3
"""Copies DICOM files as instances of their own: Issuer of Patient ID set to ISSUER and every
Study/Series/SOP Instance UID replaced by one derived from ISSUER, so that a test's queries can
be scoped to its own copies whatever else the archive holds. Each copy also gets the sequence
keys of the conformance statement, valued from its patient, study or series (so that every
instance of one entity carries the same items): Issuer of Patient ID Qualifiers Sequence,
Procedure Code Sequence (two items), Referenced Study Sequence, Request Attributes Sequence
(with a nested Scheduled Protocol Code Sequence).

usage: make_query_corpus.py OUTDIR ISSUER FILE...
"""
import os
import sys
import warnings

import pydicom
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import generate_uid

warnings.simplefilter("ignore")
out, issuer, files = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)


def remap(uid):
    return generate_uid(entropy_srcs=[issuer, str(uid)])


def pick(uid, n):
    return sum(str(uid).encode()) % n


def item(**values):
    d = Dataset()
    for k, v in values.items():
        setattr(d, k, v)
    return d


def add_sequences(ds):
    p = pick(ds.get("PatientID", ""), 2)
    ds.IssuerOfPatientIDQualifiersSequence = Sequence([item(UniversalEntityID="UEID%d" % p,
                                                            UniversalEntityIDType="ISO")])
    s = pick(ds.StudyInstanceUID, 3)
    ds.ProcedureCodeSequence = Sequence([
        item(CodeValue="PC%d" % s, CodingSchemeDesignator="99STRATA", CodeMeaning="Procedure %d" % s),
        item(CodeValue="PX%d" % (s + 1), CodingSchemeDesignator="99STRATA", CodeMeaning="Extra %d" % (s + 1))])
    ds.ReferencedStudySequence = Sequence([item(ReferencedSOPClassUID="1.2.840.10008.3.1.2.3.1",
                                                ReferencedSOPInstanceUID="1.2.826.0.1.3680043.9.7.%d" % s)])
    r = pick(ds.SeriesInstanceUID, 4)
    ds.RequestAttributesSequence = Sequence([item(
        RequestedProcedureID="RP%d" % (r % 2), ScheduledProcedureStepID="SPS%d" % r,
        ScheduledProtocolCodeSequence=Sequence([item(CodeValue="PROT%d" % r, CodingSchemeDesignator="99STRATA",
                                                     CodeMeaning="Protocol %d" % r)]))])


for f in files:
    ds = pydicom.dcmread(f)
    ds.IssuerOfPatientID = issuer
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"):
        if keyword in ds:
            setattr(ds, keyword, remap(getattr(ds, keyword)))
    add_sequences(ds)
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(os.path.join(out, os.path.basename(f)))
