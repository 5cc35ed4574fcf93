"""Compares DICOM files for the transcoder tests (run by /usr/bin/python3, which has pydicom).

Reads lines from a file: PIXELS_A <TAB> PIXELS_B <TAB> ATTRS_A <TAB> ATTRS_B <TAB> TOLERANCE.
Pixels: pydicom's pixel_array of A and B (both uncompressed) must have the same shape and differ by
at most TOLERANCE per sample. Attributes: every top-level element of ATTRS_A and ATTRS_B must be
equal except those the transcoder documents as changed. Prints one line per input line:
"OK <max difference>" or "FAIL <reason>".
"""
import sys
import warnings

import numpy
import pydicom

warnings.simplefilter("ignore")

# PS3.3 C.7.6.3.1 / C.7.6.1.1.5 and the pixel data itself: what a transcoder changes
CHANGED = {0x7FE00010, 0x7FE00001, 0x7FE00002, 0x7FE00000, 0x00280004, 0x00280006, 0x00282110, 0x00282112,
           0x00282114, 0xFFFCFFFC}


def pixels(path):
    """The samples as integers of Bits Stored bits (bits above High Bit ignored, PS3.5 8.1.1)."""
    ds = pydicom.dcmread(path)
    a = ds.pixel_array.astype(numpy.int64)
    bits = int(ds.BitsStored)
    mask = (1 << bits) - 1
    a = a & mask
    if int(ds.get("PixelRepresentation", 0)) == 1:
        sign = 1 << (bits - 1)
        a = (a ^ sign) - sign
    return a


def values_equal(a, b):
    if a.value == b.value:
        return True
    # implicit VR sources: elements pydicom could not type are raw bytes on one side
    try:
        return bytes(a.value) == bytes(b.value)
    except Exception:
        return str(a.value) == str(b.value)


def compare_attrs(pa, pb):
    a = pydicom.dcmread(pa, stop_before_pixels=False)
    b = pydicom.dcmread(pb, stop_before_pixels=False)
    tags = set(e.tag for e in a) | set(e.tag for e in b)
    for t in sorted(tags):
        if int(t) in CHANGED or t.element == 0:  # group lengths are recalculated (PS3.5 7.2)
            continue
        if t not in a or t not in b:
            return "element %s only in %s" % (t, pa if t in a else pb)
        if not values_equal(a[t], b[t]):
            return "element %s differs: %r vs %r" % (t, a[t].value, b[t].value)
    return None


def main():
    with open(sys.argv[1]) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            pa, pb, aa, ab, tol = line.split("\t")
            try:
                x, y = pixels(pa), pixels(pb)
                if x.shape != y.shape:
                    print("FAIL shape %s vs %s" % (x.shape, y.shape))
                    continue
                diff = int(numpy.abs(x - y).max()) if x.size else 0
                if diff > int(tol):
                    print("FAIL max sample difference %d > %s" % (diff, tol))
                    continue
                problem = compare_attrs(aa, ab)
                print("FAIL " + problem if problem else "OK %d" % diff)
            except Exception as e:  # one line per input, whatever happens
                print("FAIL %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
