#!/usr/bin/env python3
"""Writes what astropy.wcs says about the WCS of the testkit's generated files, as JSON fixtures.

The files come from the testkit (io.astrocloud.testkit.fits.SkyFiles, written by its main); each HDU
whose header (astropy's hdu.header: the image header of a tile-compressed HDU) has CTYPEn is
described exactly as make_wcs_golden.py describes the corpus: pix2world/world2pix over a grid,
the footprint of calc_footprint(center=False) in ICRS and the smallest circle around it.

    mvn -B -q -pl astrocloud-testkit -am compile
    java -cp "astrocloud-testkit/target/classes" io.astrocloud.testkit.fits.SkyFiles /tmp/skyfiles
    /usr/bin/python3 oracles/make_testkit_wcs_golden.py /tmp/skyfiles \
        astrocloud-core/src/test/resources/golden/wcs-testkit
"""
import json
import os
import sys
import warnings

from astropy.io import fits

import make_wcs_golden as golden


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    index = []
    for name in sorted(os.listdir(src)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with fits.open(os.path.join(src, name)) as hdul:
                for i, hdu in enumerate(hdul):
                    hdr = hdu.header.copy()
                    if any(k.startswith("CTYPE") for k in hdr.keys()):
                        record = golden.describe(f"{name}-hdu{i}", f"testkit:{name}[{i}]", hdr, "testkit")
                        index.append(golden.write(dst, record))
    with open(os.path.join(dst, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
