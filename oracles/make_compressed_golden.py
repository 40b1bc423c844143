#!/usr/bin/env python3
"""Writes what astropy shows as the image header of tile-compressed HDUs, as JSON fixtures.

Run with Debian's python3-astropy (5.2.1) and cfitsio's fpack (Debian libcfitsio-bin):
    /usr/bin/python3 oracles/make_compressed_golden.py ~/.cache/astrocloud/corpus \
        astrocloud-core/src/test/resources/golden/compressed

For every tile-compressed HDU (a BINTABLE with ZIMAGE = T) of the compressed corpus files and
of files generated here (with astropy's CompImageHDU and with fpack, one per algorithm and
quantization), one fixture NAME.json holds:
  storedHeader  the header's 80-character cards exactly as stored, up to END (not included);
  imageCards    astropy's CompImageHDU.header: keyword, typed value and comment of every card;
  compression   the table's ZCMPTYPE, ZTILEn (the convention's default, one row per tile, when
                absent), ZQUANTIZ, ZDITHER0 and ZNAMEn/ZVALn, read by astropy from the stored header.
Generated files are written to a temporary folder and removed; only their headers are kept.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

import astropy
import numpy as np
from astropy.io import fits

CORPUS = ["astropy_comp.fits", "astropy_compressed_float_bzero.fits", "astropy_double_ext.fits",
          "fitsio_test_gzip_compressed_image.fits.fz"]


def value(v):
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, complex):
        return [v.real, v.imag]
    return None  # astropy's Undefined


def cards(header):
    return [{"keyword": c.keyword, "value": value(c.value), "comment": c.comment} for c in header.cards]


def fixtures(path, source):
    """One fixture per compressed HDU of the file at path."""
    raw = open(path, "rb").read()
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(path, disable_image_compression=False) as hdul:
            for i, hdu in enumerate(hdul):
                if not isinstance(hdu, fits.CompImageHDU):
                    continue
                info = hdu.fileinfo()
                text = raw[info["hdrLoc"]:info["datLoc"]].decode("ascii")
                stored = [text[k:k + 80] for k in range(0, len(text), 80)]
                stored = stored[:next(k for k, c in enumerate(stored) if c.startswith("END     "))]
                table = fits.Header.fromstring(text)
                znaxis = table["ZNAXIS"]
                tile = [table.get("ZTILE%d" % (k + 1), table["ZNAXIS1"] if k == 0 else 1)
                        for k in range(znaxis)]
                params = {}
                k = 1
                while "ZNAME%d" % k in table:
                    params[table["ZNAME%d" % k]] = value(table.get("ZVAL%d" % k))
                    k += 1
                out.append({
                    "source": source,
                    "hdu": i,
                    "astropy": astropy.__version__,
                    "storedHeader": stored,
                    "imageCards": cards(hdu.header),
                    "compression": {
                        "type": table["ZCMPTYPE"],
                        "tile": tile,
                        "quantize": table.get("ZQUANTIZ"),
                        "ditherSeed": table.get("ZDITHER0"),
                        "parameters": params,
                    },
                })
    return out


def image_header(extra=()):
    """An image header with the keywords archives write: WCS, target, checksum-free."""
    h = fits.Header()
    h["OBJECT"] = ("M 51", "target")
    h["TELESCOP"] = "KPNO-4m"
    h["INSTRUME"] = "MOSAIC"
    h["DATE-OBS"] = "2011-03-04T05:06:07.5"
    h["EXPTIME"] = (300.0, "[s] exposure")
    h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
    h["CRVAL1"], h["CRVAL2"] = 202.4696, 47.1952
    h["CRPIX1"], h["CRPIX2"] = 50.5, 40.5
    h["CD1_1"], h["CD2_2"] = -7.0e-5, 7.0e-5
    for k, v in extra:
        h[k] = v
    h.add_history("generated for the compressed-image golden fixtures")
    h.add_comment("a comment card that the image view keeps")
    return h


def generate(tmp):
    """(name, path, source) of generated compressed files."""
    rng = np.random.default_rng(20261202)
    ints = rng.integers(0, 4000, size=(80, 100)).astype(np.int16)
    small = rng.integers(0, 200, size=(64, 64)).astype(np.int16)
    floats = (rng.normal(1000.0, 30.0, size=(60, 90))).astype(np.float32)
    cube = rng.integers(0, 500, size=(5, 30, 40)).astype(np.int32)
    made = []

    def astropy_case(case, data, **kw):
        path = os.path.join(tmp, case + ".fits")
        header = kw.pop("header", image_header())
        checksum = kw.pop("checksum", False)
        hdu = fits.CompImageHDU(data=data, header=header, **kw)
        fits.HDUList([fits.PrimaryHDU(), hdu]).writeto(path, checksum=checksum)
        made.append((case, path, "astropy " + astropy.__version__ + " CompImageHDU " + json.dumps(
            {k: v for k, v in kw.items() if k != "header"}, default=str, sort_keys=True)))

    astropy_case("astropy_rice_sci", ints, compression_type="RICE_1", name="SCI")
    astropy_case("astropy_gzip1_default_name", ints, compression_type="GZIP_1")
    astropy_case("astropy_gzip2_tiles", ints, compression_type="GZIP_2", tile_size=[25, 20], name="TILED")
    astropy_case("astropy_hcompress", ints, compression_type="HCOMPRESS_1", hcomp_scale=2, tile_size=[100, 16],
                 name="HC")
    astropy_case("astropy_plio", small, compression_type="PLIO_1", name="MASK")
    astropy_case("astropy_float_dither1", floats, compression_type="RICE_1", quantize_level=16.0,
                 quantize_method=1, dither_seed=17, name="FLT")
    astropy_case("astropy_float_dither2", floats, compression_type="RICE_1", quantize_level=8.0,
                 quantize_method=2, dither_seed=5, name="FLT2")
    astropy_case("astropy_float_nodither", floats, compression_type="GZIP_1", quantize_level=4.0,
                 quantize_method=-1, name="FLT0")
    astropy_case("astropy_cube_checksum", cube, compression_type="RICE_1", tile_size=[40, 30, 1], name="CUBE",
                 checksum=True, header=image_header([("CTYPE3", "WAVE"), ("CRVAL3", 5.0e-7),
                                                     ("CDELT3", 1.0e-9), ("CUNIT3", "m")]))

    base = os.path.join(tmp, "primary.fits")
    fits.PrimaryHDU(data=ints, header=image_header()).writeto(base, checksum=True)
    fbase = os.path.join(tmp, "primary_float.fits")
    fits.PrimaryHDU(data=floats, header=image_header()).writeto(fbase)
    for name, src, args in [("fpack_rice_primary", base, ["-r"]),
                            ("fpack_gzip1", base, ["-g1"]),
                            ("fpack_gzip2", base, ["-g2"]),
                            ("fpack_hcompress", base, ["-h", "-s", "4"]),
                            ("fpack_plio", base, ["-p"]),
                            ("fpack_rice_tiles", base, ["-r", "-t", "50,20"]),
                            ("fpack_float_q4", fbase, ["-qt", "4"]),
                            ("fpack_float_q2_nodither", fbase, ["-q0", "2"]),
                            ("fpack_float_qz_dither2", fbase, ["-qzt", "2"]),
                            ("fpack_float_lossless_gzip", fbase, ["-g", "-q", "0"])]:
        out = os.path.join(tmp, name + ".fits.fz")
        subprocess.run(["fpack", "-O", out] + args + [src], check=True)
        version = subprocess.run(["fpack", "-V"], capture_output=True, text=True).stdout.strip()
        made.append((name, out, "fpack " + " ".join(args) + " (" + version + ")"))
    return made


def main():
    corpus, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    cases = []
    for name in CORPUS:
        for fx in fixtures(os.path.join(corpus, name), "corpus:" + name):
            cases.append((name + ".hdu" + str(fx["hdu"]), fx))
    tmp = tempfile.mkdtemp()
    try:
        for name, path, source in generate(tmp):
            for fx in fixtures(path, source):
                cases.append((name, fx))
    finally:
        shutil.rmtree(tmp)
    for name, fx in cases:
        with open(os.path.join(dst, name + ".json"), "w") as f:
            json.dump(fx, f, indent=1, sort_keys=True)
            f.write("\n")
        print(name, fx["compression"]["type"], fx["compression"]["tile"])


if __name__ == "__main__":
    main()
