#!/usr/bin/env python3
"""Writes what astropy (an independent FITS reader) says about each corpus file, as JSON.

Run with Debian's python3-astropy:
    /usr/bin/python3 corpus/make_golden.py ~/.cache/astrocloud/corpus \
        astrocloud-testkit/src/main/resources/io/astrocloud/testkit/golden

For every file: each HDU's header offset, header bytes, data offset and padded data bytes
(astropy's fileinfo: hdrLoc, datLoc, datSpan) and its cards as astropy lists them (a long
string and its CONTINUE cards are one card; HIERARCH keywords without the HIERARCH prefix;
COMMENT and HISTORY keep their keyword; END is not listed). Values keep their FITS type:
logical, integer, real, string, complex as [re, im], undefined as null.
Gzip files are read through astropy's transparent decompression, so their offsets are those
of the decompressed stream. Files astropy cannot map to standard HDUs are recorded as such.
"""
import gzip
import json
import os
import sys
import warnings

import astropy
from astropy.io import fits


def value(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return v
    if isinstance(v, complex):
        return [v.real, v.imag]
    if isinstance(v, str):
        return v
    return None  # astropy's Undefined


def describe(path):
    out = {"file": os.path.basename(path), "astropy": astropy.__version__, "hdus": []}
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(path, lazy_load_hdus=False) as hdul:
            for i, hdu in enumerate(hdul):
                if not hasattr(hdu, "fileinfo"):
                    # SIMPLE = F: astropy keeps the header but maps no HDUs.
                    out["nonstandard"] = {"type": type(hdu).__name__, "cards": [
                        {"keyword": c.keyword, "value": value(c.value), "comment": c.comment}
                        for c in hdu.header.cards]}
                    continue
                info = hdu.fileinfo()
                # The header exactly as stored: astropy's HDU classes adjust theirs (a compressed
                # image shows the decompressed image's), so parse the stored bytes themselves.
                hdr = fits.Header.fromstring(raw[info["hdrLoc"]:info["datLoc"]].decode("ascii", "replace"))
                cards = [{"keyword": c.keyword, "value": value(c.value), "comment": c.comment}
                         for c in hdr.cards]
                out["hdus"].append({
                    "index": i,
                    "type": type(hdu).__name__,
                    "headerOffset": info["hdrLoc"],
                    "headerBytes": info["datLoc"] - info["hdrLoc"],
                    "dataOffset": info["datLoc"],
                    "dataBytes": info["datSpan"],
                    "cards": cards,
                })
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if name.startswith(".") or name == "SHA256SUMS" or not os.path.isfile(path):
            continue
        with open(os.path.join(dst, name + ".json"), "w") as f:
            json.dump(describe(path), f, indent=1, sort_keys=True)
            f.write("\n")
        print(name)


if __name__ == "__main__":
    main()
