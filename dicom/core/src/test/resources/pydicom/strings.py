#!/usr/bin/python3
"""Prints, as JSON, the decoded text values pydicom gives for every character-set-dependent
element (PN, SH, LO, UC, ST, LT, UT) of the DICOM files named on the command line.

Output: {file: {path: [values]}}, path = 8-hex-digit tags joined by '/' with item indices,
e.g. "00081110/0/00100010". Used by CharacterSetPydicomTest (needs Debian's python3-pydicom).
"""
import json
import sys

import pydicom

TEXT_VRS = {'PN', 'SH', 'LO', 'UC', 'ST', 'LT', 'UT'}


def walk(ds, prefix, out):
    for elem in ds:
        path = prefix + '%08X' % elem.tag
        if elem.VR == 'SQ':
            for i, item in enumerate(elem.value):
                walk(item, path + '/%d/' % i, out)
        elif elem.VR in TEXT_VRS:
            value = elem.value
            if value is None or value == '':
                values = []
            elif isinstance(value, (list, pydicom.multival.MultiValue)):
                values = [str(v) for v in value]
            else:
                values = [str(value)]
            out[path] = values


result = {}
for name in sys.argv[1:]:
    ds = pydicom.dcmread(name, force=True)
    out = {}
    walk(ds, '', out)
    result[name] = out
json.dump(result, sys.stdout, ensure_ascii=False)
