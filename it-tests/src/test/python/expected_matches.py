#!/usr/bin/python3
"""Expected C-FIND answers, computed with pydicom independently of Strata's query code.

usage: expected_matches.py FILE... -- CASE...
CASE is NAME|LEVEL|RETURN_KEYWORD|KEYWORD=VALUE;KEYWORD=VALUE...
LEVEL may carry options after slashes: /R relational (keys below the level match too, PS3.4
C.4.1.2.2.2: an entity matches when one of its instances matches every key), /DT combined
date-time matching (PS3.4 C.2.2.2.5.1: StudyDate and StudyTime ranges are one range).
Prints one line per case: NAME<TAB>sorted comma-separated values of RETURN_KEYWORD among matches.
Matching follows PS3.4 C.2.2.2: universal (empty), single value, list of UIDs (backslash),
wild card (* and ?), range (DA: a-b, -b, a-), empty value (""), and sequence matching
(C.2.2.2.6) with findscu's path syntax, e.g. ProcedureCodeSequence[0].CodeValue=PC1: the item
keys of one sequence must all match one of its items (nested sequences likewise).
"""
import datetime
import re
import sys

import pydicom

LEVEL_KEYS = {
    "PATIENT": ["PatientID", "IssuerOfPatientID", "PatientName", "PatientBirthDate", "PatientSex",
                "IssuerOfPatientIDQualifiersSequence"],
    "STUDY": ["StudyInstanceUID", "StudyDate", "StudyTime", "AccessionNumber", "StudyID", "ModalitiesInStudy", "StudyDescription",
              "ProcedureCodeSequence", "ReferencedStudySequence"],
    "SERIES": ["SeriesInstanceUID", "Modality", "SeriesNumber", "RequestAttributesSequence"],
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


def sequence_matches(ds, conditions):
    """conditions: [(path after the sequence, wanted)]; one item must satisfy all of them."""
    for it in ds:
        if all(item_matches(it, path, wanted) for path, wanted in conditions):
            return True
    return False


def item_matches(it, path, wanted):
    if "[0]." in path:
        seq, rest = path.split("[0].", 1)
        return sequence_matches(it.get(seq) or [], [(rest, wanted)])
    return matches(text(it, path), wanted, path.endswith("Date") or path.endswith("Time"))


def moment(date, time, upper):
    """A DA and a TM value as one datetime; missing time parts are the first (or last) instant."""
    digits = time.split(".")[0]
    hh = int(digits[0:2]) if len(digits) >= 2 else (23 if upper else 0)
    mm = int(digits[2:4]) if len(digits) >= 4 else (59 if upper else 0)
    ss = int(digits[4:6]) if len(digits) >= 6 else (59 if upper else 0)
    micro = 999999 if upper and "." not in time else 0
    return datetime.datetime(int(date[0:4]), int(date[4:6]), int(date[6:8]), hh, mm, ss, micro)


def combined(ds, date_range, time_range):
    date, time = text(ds, "StudyDate"), text(ds, "StudyTime")
    if not date or not time:
        return False
    stored = moment(date, time, False)
    d1, d2 = date_range.split("-", 1)
    t1, t2 = time_range.split("-", 1)
    return (not d1 or stored >= moment(d1, t1, False)) and (not d2 or stored <= moment(d2, t2, True))


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
        level, *options = level.split("/")
        conditions = [k.split("=", 1) for k in keys.split(";") if k]
        allowed = [k for lvl in ORDER[:ORDER.index(level) + 1] for k in LEVEL_KEYS[lvl]]
        if "R" in options:
            allowed = [k for lvl in ORDER for k in LEVEL_KEYS[lvl]]
        wanted_by = dict(conditions)
        if ("DT" in options and "-" in wanted_by.get("StudyDate", "") and "-" in wanted_by.get("StudyTime", "")):
            date_range, time_range = wanted_by["StudyDate"], wanted_by["StudyTime"]
            conditions = [c for c in conditions if c[0] not in ("StudyDate", "StudyTime")]
        else:
            date_range = time_range = None
        sequences = {}
        for keyword, wanted in conditions:
            if "[0]." in keyword:
                seq, rest = keyword.split("[0].", 1)
                sequences.setdefault(seq, []).append((rest, wanted))
        conditions = [c for c in conditions if "[0]." not in c[0]]
        found = set()
        for ds in records:
            ok = date_range is None or combined(ds, date_range, time_range)
            for seq, item_conditions in sequences.items():
                if seq in allowed:
                    ok = ok and sequence_matches(ds.get(seq) or [], item_conditions)
            for keyword, wanted in conditions:
                if keyword not in allowed:
                    continue
                if keyword == "ModalitiesInStudy":
                    ok = ok and (wanted == "" or wanted in modalities[text(ds, "StudyInstanceUID")])
                    continue
                ok = ok and matches(text(ds, keyword), wanted, keyword.endswith("Date") or keyword.endswith("Time"))
            if ok:
                found.add(text(ds, ret))
        print(name + "\t" + ",".join(sorted(found)))


if __name__ == "__main__":
    main()
