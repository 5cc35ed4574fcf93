#!/usr/bin/python3
"""Reads a file-set with pydicom's FileSet (PS3.10 8) and prints one line per instance:
SOP_INSTANCE_UID<TAB>TRANSFER_SYNTAX_UID<TAB>PATH. Exit status 1 when pydicom cannot read it.

usage: read_fileset.py DICOMDIR
"""
import sys
import warnings

from pydicom import dcmread
from pydicom.fileset import FileSet

warnings.simplefilter("ignore")
fs = FileSet(dcmread(sys.argv[1]))
for instance in fs:
    ds = instance.load()
    print("%s\t%s\t%s" % (instance.SOPInstanceUID, ds.file_meta.TransferSyntaxUID, instance.path))
