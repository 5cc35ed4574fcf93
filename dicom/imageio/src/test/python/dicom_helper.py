#!/usr/bin/python3
"""Test helper for dicom/imageio: moves pixel data between DICOM files and plain files with pydicom
(Debian python3-pydicom 2.3), because our own dataset parser lives in dicom/core.

  extract IN.dcm OUTDIR          OUTDIR/desc.properties, OUTDIR/frame_<i>.bin (encapsulated: the
                                 frame's fragments concatenated) or OUTDIR/pixels.bin (native:
                                 all frames, little endian, colour-by-pixel)
  native DESC RAW OUT.dcm        write an Explicit VR Little Endian file from raw frames
  encap DESC TSUID OUT.dcm F...  write an encapsulated file, one fragment per frame file
  serve                          read such commands, tab-separated, one per line from stdin and
                                 answer "OK" or "ERR <message>" (saves the pydicom start-up per call)
"""
import sys
import os

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import generate_pixel_data_frame, encapsulate
from pydicom.uid import generate_uid, ExplicitVRLittleEndian
import pydicom

KEYS = ['Rows', 'Columns', 'SamplesPerPixel', 'BitsAllocated', 'BitsStored', 'PixelRepresentation',
        'PhotometricInterpretation', 'PlanarConfiguration', 'NumberOfFrames']


def extract(path, outdir):
    ds = pydicom.dcmread(path)
    ts = ds.file_meta.TransferSyntaxUID
    frames = int(ds.get('NumberOfFrames', 1) or 1)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, 'desc.properties'), 'w') as f:
        f.write('TransferSyntaxUID=%s\n' % ts)
        for k in KEYS:
            v = ds.get(k)
            if k == 'NumberOfFrames':
                v = frames
            if v is not None:
                f.write('%s=%s\n' % (k, v))
    if ts.is_compressed:
        for i, frame in enumerate(generate_pixel_data_frame(ds.PixelData, frames)):
            with open(os.path.join(outdir, 'frame_%d.bin' % i), 'wb') as f:
                f.write(frame)
    else:
        if not ts.is_little_endian:
            raise SystemExit('big endian not supported by this helper')
        spp = int(ds.SamplesPerPixel)
        bps = int(ds.BitsAllocated) // 8
        flen = int(ds.Rows) * int(ds.Columns) * spp * bps
        data = bytes(ds.PixelData)[:flen * frames]
        if spp > 1 and int(ds.get('PlanarConfiguration', 0)) == 1:
            data = to_colour_by_pixel(data, frames, flen, spp, bps)
        with open(os.path.join(outdir, 'pixels.bin'), 'wb') as f:
            f.write(data)


def to_colour_by_pixel(data, frames, flen, spp, bps):
    out = bytearray(len(data))
    plane = flen // spp
    for fr in range(frames):
        base = fr * flen
        for s in range(spp):
            src = data[base + s * plane: base + (s + 1) * plane]
            for c in range(bps):
                out[base + s * bps + c: base + flen: spp * bps] = src[c::bps]
    return bytes(out)


def read_desc(path):
    props = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and '=' in line:
                k, v = line.split('=', 1)
                props[k] = v
    return props


def base_dataset(props, ts):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.7'
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ts
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = 'OT'
    ds.ConversionType = 'WSD'
    ds.PatientName = 'Imageio^Test'
    ds.PatientID = 'IMAGEIO'
    ds.Rows = int(props['Rows'])
    ds.Columns = int(props['Columns'])
    ds.SamplesPerPixel = int(props['SamplesPerPixel'])
    ds.BitsAllocated = int(props['BitsAllocated'])
    ds.BitsStored = int(props['BitsStored'])
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = int(props['PixelRepresentation'])
    ds.PhotometricInterpretation = props['PhotometricInterpretation']
    if ds.SamplesPerPixel > 1:
        ds.PlanarConfiguration = int(props.get('PlanarConfiguration', 0))
    frames = int(props.get('NumberOfFrames', 1))
    if frames > 1:
        ds.NumberOfFrames = frames
    return ds


def write_native(desc, raw, out):
    ds = base_dataset(read_desc(desc), ExplicitVRLittleEndian)
    with open(raw, 'rb') as f:
        data = f.read()
    if len(data) % 2:
        data += b'\0'
    ds.PixelData = data
    ds['PixelData'].VR = 'OW' if ds.BitsAllocated > 8 else 'OB'
    ds.save_as(out, write_like_original=False)


def write_encapsulated(desc, ts, out, frame_files):
    ds = base_dataset(read_desc(desc), ts)
    frames = []
    for name in frame_files:
        with open(name, 'rb') as f:
            frames.append(f.read())
    if len(frames) > 1:
        ds.NumberOfFrames = len(frames)
    ds.PixelData = encapsulate(frames, has_bot=True)
    ds['PixelData'].VR = 'OB'
    ds['PixelData'].is_undefined_length = True
    ds.save_as(out, write_like_original=False)


def main(argv):
    cmd = argv[1]
    if cmd == 'extract':
        extract(argv[2], argv[3])
    elif cmd == 'native':
        write_native(argv[2], argv[3], argv[4])
    elif cmd == 'encap':
        write_encapsulated(argv[2], argv[3], argv[4], argv[5:])
    elif cmd == 'serve':
        serve()
    else:
        raise SystemExit('unknown command ' + cmd)


def serve():
    for line in sys.stdin:
        args = ['dicom_helper.py'] + line.rstrip('\n').split('\t')
        try:
            main(args)
            answer = 'OK'
        except BaseException as e:  # report every failure to the Java side, keep serving
            answer = 'ERR ' + repr(e).replace('\n', ' ')
        sys.stdout.write(answer + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main(sys.argv)
