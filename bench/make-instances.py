#!/usr/bin/python3
"""Writes many small DICOM instances for scale benchmarks (Strata's own generator).

usage: make-instances.py OUT_DIR INSTANCES [--instances-per-series N] [--series-per-study N]
                         [--studies-per-patient N] [--seed N]

Each file is a CT Image Storage instance in Explicit VR Little Endian with 16x16 pixels
(about 1.5 kB), unique UIDs, a Patient ID per patient (BP0000001, ...), Patient's Names drawn
from a fixed list (so that a wild card such as "Sm*" selects a known share), study dates
spread over 20 years. Prints the number of patients, studies and instances written.
Needs Debian's python3-pydicom.
"""
import argparse
import datetime
import os
import random

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

CT = "1.2.840.10008.5.1.4.1.1.2"
FAMILY = ["Smith", "Jones", "Miller", "Brown", "Garcia", "Rossi", "Nowak", "Jensen", "Dupont", "Silva",
          "Kowalski", "Nakamura", "Meyer", "Schmidt", "Olsen", "Virtanen"]
GIVEN = ["Anna", "Ben", "Chloe", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jonas"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("instances", type=int)
    p.add_argument("--instances-per-series", type=int, default=10)
    p.add_argument("--series-per-study", type=int, default=2)
    p.add_argument("--studies-per-patient", type=int, default=2)
    p.add_argument("--seed", type=int, default=5)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    per_study = a.instances_per_series * a.series_per_study
    per_patient = per_study * a.studies_per_patient
    patients = max(1, (a.instances + per_patient - 1) // per_patient)
    os.makedirs(a.out, exist_ok=True)
    root = "2.25.%d" % rnd.getrandbits(64)
    pixels = bytes(rnd.getrandbits(8) for _ in range(16 * 16 * 2))
    written = studies = 0
    for pi in range(patients):
        pid = "BP%07d" % pi
        name = "%s^%s" % (rnd.choice(FAMILY), rnd.choice(GIVEN))
        sub = os.path.join(a.out, "%04d" % (pi // 100))
        os.makedirs(sub, exist_ok=True)
        for si in range(a.studies_per_patient):
            if written >= a.instances:
                break
            studies += 1
            study_uid = "%s.%d.%d" % (root, pi, si)
            day = datetime.date(2006, 1, 1) + datetime.timedelta(days=rnd.randrange(7300))
            for ri in range(a.series_per_study):
                series_uid = "%s.%d" % (study_uid, ri + 1)
                for ii in range(a.instances_per_series):
                    if written >= a.instances:
                        break
                    sop_uid = "%s.%d" % (series_uid, ii + 1)
                    ds = Dataset()
                    ds.SOPClassUID = CT
                    ds.SOPInstanceUID = sop_uid
                    ds.StudyDate = day.strftime("%Y%m%d")
                    ds.StudyTime = "%02d%02d%02d" % (rnd.randrange(24), rnd.randrange(60), rnd.randrange(60))
                    ds.AccessionNumber = "BA%08d" % (pi * 10 + si)
                    ds.Modality = "CT"
                    ds.PatientName = name
                    ds.PatientID = pid
                    ds.PatientBirthDate = "19600101"
                    ds.PatientSex = "O"
                    ds.StudyInstanceUID = study_uid
                    ds.SeriesInstanceUID = series_uid
                    ds.StudyID = str(si + 1)
                    ds.SeriesNumber = ri + 1
                    ds.InstanceNumber = ii + 1
                    ds.SamplesPerPixel = 1
                    ds.PhotometricInterpretation = "MONOCHROME2"
                    ds.Rows = 16
                    ds.Columns = 16
                    ds.BitsAllocated = 16
                    ds.BitsStored = 16
                    ds.HighBit = 15
                    ds.PixelRepresentation = 0
                    ds.PixelData = pixels
                    meta = FileMetaDataset()
                    meta.MediaStorageSOPClassUID = CT
                    meta.MediaStorageSOPInstanceUID = sop_uid
                    meta.TransferSyntaxUID = ExplicitVRLittleEndian
                    ds.file_meta = meta
                    ds.is_little_endian = True
                    ds.is_implicit_VR = False
                    ds.save_as(os.path.join(sub, "%s_%d_%d_%d.dcm" % (pid, si, ri, ii)), write_like_original=False)
                    written += 1
    print("patients %d studies %d instances %d" % (patients, studies, written))


if __name__ == "__main__":
    main()
