#!/usr/bin/python3
"""Which worklist items a Modality Worklist C-FIND must return, computed with pydicom alone.

usage: mwl_expected.py ITEMS.json KEY=VALUE...
KEY is a keyword path with '/' between sequence levels, e.g.
ScheduledProcedureStepSequence/ScheduledStationAETitle=CT1. Prints the Scheduled Procedure Step
IDs of the matching items, sorted, one per line.

Matching as PS3.4 C.2.2.2: an empty value or '*' matches all; '*' and '?' are wild cards
(person names compared case-insensitively); DA/TM values with '-' are ranges; a sequence key
matches when some item of the sequence matches; Scheduled Procedure Step Start Date and Time,
both given, are matched as one date-time range.
"""
import fnmatch
import json
import sys

from pydicom import Dataset
from pydicom.datadict import dictionary_VR, tag_for_keyword


def parse(args):
    keys = {}
    for a in args:
        path, _, value = a.partition("=")
        node = keys
        parts = path.split("/")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = value
    return keys


def pad_time(t, upper):
    t = t.replace(":", "")
    whole, _, frac = t.partition(".")
    fill = "235959" if upper else "000000"
    whole = whole + fill[len(whole):]
    frac = (frac + ("999999" if upper and not frac else "000000"))[:6]
    return whole + "." + frac


def in_range(value, key, kind):
    low, _, high = key.partition("-")
    norm = (lambda v, up: v) if kind == "DA" else pad_time
    v = norm(value, False)
    return (not low or v >= norm(low, False)) and (not high or v <= norm(high, True))


def one(vr, key, value):
    value = str(value).strip()
    if vr in ("DA", "TM") and "-" in key:
        return in_range(value, key, vr)
    if vr == "TM":
        return pad_time(value, False) == pad_time(key, False)
    if vr == "UI":
        return value in [k.strip() for k in key.split("\\")]
    if vr == "PN":
        value, key = value.upper().rstrip("^="), key.upper()
        if "*" not in key and "?" not in key:
            key = key.rstrip("^=")
    if "*" in key or "?" in key:
        return fnmatch.fnmatchcase(value, key.replace("[", "[[]"))
    return value == key


def matches(keys, ds):
    combined = (keys.get("ScheduledProcedureStepStartDate") not in (None, "", "*")
                and keys.get("ScheduledProcedureStepStartTime") not in (None, "", "*"))
    for kw, key in keys.items():
        if isinstance(key, dict):
            if not key:
                continue
            seq = ds.get(kw)
            if seq is None or not any(matches(key, item) for item in seq):
                return False
            continue
        if key in ("", "*"):
            continue
        if combined and kw == "ScheduledProcedureStepStartTime":
            continue
        if combined and kw == "ScheduledProcedureStepStartDate":
            dk, tk = key, keys["ScheduledProcedureStepStartTime"]
            d = dk.split("-") if "-" in dk else [dk, dk]
            t = tk.split("-") if "-" in tk else [tk, tk]
            value = ds.ScheduledProcedureStepStartDate + pad_time(str(ds.get("ScheduledProcedureStepStartTime", "")), False)
            low = d[0] + pad_time(t[0], False) if d[0] else ""
            high = d[1] + pad_time(t[1], True) if d[1] else ""
            if (low and value < low) or (high and value > high):
                return False
            continue
        elem = ds.data_element(kw) if kw in ds else None
        if elem is None or elem.value in (None, ""):
            return False
        values = elem.value if elem.VM > 1 else [elem.value]
        if not any(one(dictionary_VR(tag_for_keyword(kw)), key, v) for v in values):
            return False
    return True


items = [Dataset.from_json(i) for i in json.load(open(sys.argv[1], encoding="utf-8"))]
keys = parse(sys.argv[2:])
for sps in sorted(i.ScheduledProcedureStepSequence[0].ScheduledProcedureStepID for i in items if matches(keys, i)):
    print(sps)
