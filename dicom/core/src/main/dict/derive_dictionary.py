#!/usr/bin/python3
"""Derives Strata's dictionary data files from a machine-readable copy of PS3.6 / PS3.7.

Source: Debian's python3-pydicom (pydicom._dicom_dict, pydicom._uid_dict), itself generated
from the DocBook version of PS3.6. Only facts of the standard are taken (tag, VR, VM, name,
keyword, retired flag; UID, name, type, keyword).

Usage: /usr/bin/python3 derive_dictionary.py OUT_DIR
Writes OUT_DIR/elements.tsv and OUT_DIR/uids.tsv (tab separated, header line first).

elements.tsv columns: tag (8 hex digits, 'x' for a repeating-group mask digit), VR (as in PS3.6,
e.g. 'US or SS'), VM, retired (R or empty), keyword, name.
uids.tsv columns: uid, type, retired (R or empty), keyword, name.
"""
import os
import sys

from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary
from pydicom._uid_dict import UID_dictionary


def clean(text):
    return text.replace('\t', ' ').replace('\n', ' ').strip()


def main(out_dir):
    rows = []
    for tag, (vr, vm, name, retired, keyword) in DicomDictionary.items():
        rows.append(('%08X' % tag, vr, vm, 'R' if retired else '', keyword, clean(name)))
    for mask, (vr, vm, name, retired, keyword) in RepeatersDictionary.items():
        rows.append((mask.upper().replace('X', 'x'), vr, vm, 'R' if retired else '', keyword, clean(name)))
    rows.sort(key=lambda r: r[0].replace('x', '0'))
    with open(os.path.join(out_dir, 'elements.tsv'), 'w', encoding='utf-8') as f:
        f.write('tag\tvr\tvm\tretired\tkeyword\tname\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    with open(os.path.join(out_dir, 'uids.tsv'), 'w', encoding='utf-8') as f:
        f.write('uid\ttype\tretired\tkeyword\tname\n')
        for uid, (name, kind, info, retired, keyword) in sorted(UID_dictionary.items()):
            f.write('\t'.join((uid, clean(kind), 'R' if retired else '', keyword, clean(name))) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
