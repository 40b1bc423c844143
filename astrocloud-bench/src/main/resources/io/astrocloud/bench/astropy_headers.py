"""Reads every header of FITS files over HTTP with astropy and fsspec, as users do today.

Started once by the benchmark (io.astrocloud.bench.AstropyFsspec); reads one URL per line on
stdin and answers one JSON line per URL on stdout: {"hdus": N, "seconds": S} or {"error": "..."}.
One long-lived process, so that the import of astropy and fsspec's HTTP session are paid once,
as in an interactive session; the benchmark times each line itself, around the exchange.
"""
import json
import sys
import time
import warnings

import astropy
import fsspec
from astropy.io import fits


def headers(url):
    # astropy's documented way to read remote FITS files lazily: fsspec's HTTP file system reads
    # 5 MiB blocks ahead; lazy_load_hdus reads each header when the iteration reaches it.
    with fits.open(url, use_fsspec=True, lazy_load_hdus=True) as hdul:
        return [hdu.header for hdu in hdul]


def main():
    print(json.dumps({"ready": True, "astropy": astropy.__version__, "fsspec": fsspec.__version__}), flush=True)
    for line in sys.stdin:
        url = line.strip()
        if not url:
            continue
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                n = len(headers(url))
            out = {"hdus": n, "seconds": time.perf_counter() - start}
        except Exception as e:  # the benchmark reports it per file
            out = {"error": type(e).__name__ + ": " + str(e).splitlines()[0] if str(e) else type(e).__name__}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
