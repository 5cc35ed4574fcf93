#!/usr/bin/python3
"""Expected C-FIND answers, computed with pydicom independently of Strata's query code.

usage: expected_matches.py FILE... -- CASE...
CASE is NAME|LEVEL|RETURN_KEYWORD|KEYWORD=VALUE;KEYWORD=VALUE...
Prints one line per case: NAME<TAB>sorted comma-separated values of RETURN_KEYWORD among matches.
Matching follows PS3.4 C.2.2.2: universal (empty), single value, list of UIDs (backslash),
wild card (* and ?), range (DA: a-b, -b, a-), empty value ("").
"""
import re
import sys

import pydicom

LEVEL_KEYS = {
    "PATIENT": ["PatientID", "IssuerOfPatientID", "PatientName", "PatientBirthDate", "PatientSex"],
    "STUDY": ["StudyInstanceUID", "StudyDate", "AccessionNumber", "StudyID", "ModalitiesInStudy", "StudyDescription"],
    "SERIES": ["SeriesInstanceUID", "Modality", "SeriesNumber"],
    "IMAGE": ["SOPInstanceUID", "SOPClassUID", "InstanceNumber"],
}
ORDER = ["PATIENT", "STUDY", "SERIES", "IMAGE"]


def text(ds, keyword):
    value = ds.get(keyword)
    if value is None:
        return ""
    if isinstance(value, pydicom.multival.MultiValue):
        return "\\".join(str(v) for v in value)
    return str(value).strip()


def matches(stored, wanted, vr_date):
    if wanted == "":
        return True
    if wanted == '""':
        return stored == ""
    if vr_date and "-" in wanted:
        low, high = wanted.split("-", 1)
        return stored != "" and (not low or stored >= low) and (not high or stored <= high)
    if "*" in wanted or "?" in wanted:
        pattern = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in wanted)
        return re.fullmatch(pattern, stored, re.DOTALL) is not None
    if "\\" in wanted:
        return stored in wanted.split("\\")
    return stored == wanted


def main():
    split = sys.argv.index("--")
    files, cases = sys.argv[1:split], sys.argv[split + 1:]
    records = []
    for f in files:
        ds = pydicom.dcmread(f, stop_before_pixels=True)
        records.append(ds)
    modalities = {}
    for ds in records:
        modalities.setdefault(text(ds, "StudyInstanceUID"), set()).add(text(ds, "Modality"))
    for case in cases:
        name, level, ret, keys = case.split("|", 3)
        conditions = [k.split("=", 1) for k in keys.split(";") if k]
        allowed = [k for lvl in ORDER[:ORDER.index(level) + 1] for k in LEVEL_KEYS[lvl]]
        found = set()
        for ds in records:
            ok = True
            for keyword, wanted in conditions:
                if keyword not in allowed:
                    continue
                if keyword == "ModalitiesInStudy":
                    ok = ok and (wanted == "" or wanted in modalities[text(ds, "StudyInstanceUID")])
                    continue
                ok = ok and matches(text(ds, keyword), wanted, keyword.endswith("Date"))
            if ok:
                found.add(text(ds, ret))
        print(name + "\t" + ",".join(sorted(found)))


if __name__ == "__main__":
    main()
