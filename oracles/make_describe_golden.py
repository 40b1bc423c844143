#!/usr/bin/env python3
"""Writes the expected ObsCore description of HDUs, computed with astropy, as JSON fixtures.

Run with Debian's python3-astropy (5.2.1):
    /usr/bin/python3 oracles/make_describe_golden.py ~/.cache/astrocloud/corpus \
        astrocloud-core/src/test/resources/golden/describe

Writes corpus.json (every HDU of the 30 corpus files) and generated.json (headers written here,
one or more per keyword path of the rules). Each entry has the expected value of every column
that has one, in ObsCore units, and the list of columns that have none (which the Java side must
explain). The sky columns are not computed here (they come from the celestial WCS).

What is independent of the Java code: astropy reads the headers (fits.Header.fromstring of the
stored bytes; CompImageHDU.header for tile-compressed images), astropy.time turns every date,
MJD/JD reference, relative time and time unit into an MJD (Time, TimeDelta, astropy.units), and
wcslib (astropy.wcs, spectral translation to WAVE) evaluates spectral axes as vacuum wavelengths.
What is the same: the documented rules of which keyword is read first, re-implemented below.
"""
import gzip
import json
import os
import re
import sys
import tempfile
import warnings

import astropy
import astropy.units as u
import numpy as np
from astropy.io import fits
from astropy.time import Time, TimeDelta
from astropy.wcs import WCS

INHERITED = {"TELESCOP", "INSTRUME", "OBJECT", "TARGNAME", "OBS_ID", "ROOTNAME",
             "DATE-OBS", "TIME-OBS", "DATE-BEG", "DATE-END", "TIME-END", "MJD-OBS", "MJD-BEG", "MJD-END",
             "EXPSTART", "EXPEND", "TSTART", "TSTARTI", "TSTARTF", "TSTOP", "TSTOPI", "TSTOPF",
             "MJDREF", "MJDREFI", "MJDREFF", "JDREF", "JDREFI", "JDREFF", "BJDREFI", "BJDREFF", "DATEREF",
             "TIMESYS", "TIMEUNIT", "TIMEZERO", "TIMEOFFS", "XPOSURE", "EXPOSURE", "EXPTIME", "TELAPSE",
             "WAVELMIN", "WAVELMAX", "SPEC_RES"}
SCALES = {"UTC": "utc", "TT": "tt", "TAI": "tai", "TDB": "tdb", "TCG": "tcg", "TCB": "tcb", "UT1": "ut1",
          "UT": "ut1", "LOCAL": "local", "GPS": "tai", "TDT": "tt", "ET": "tt", "IAT": "tai", "GMT": "utc"}
SCALE_NAMES = {"TDT": "TT", "ET": "TT", "IAT": "TAI", "GMT": "UTC"}
TIME_UNITS = {"s": u.s, "sec": u.s, "second": u.s, "seconds": u.s, "ms": u.ms, "min": u.min, "h": u.h,
              "hr": u.h, "hour": u.h, "hours": u.h, "d": u.d, "day": u.d, "days": u.d, "a": u.year,
              "yr": u.year, "cy": 100 * u.year}
ALL = ["dataproduct_type", "calib_level", "obs_collection", "obs_id", "obs_publisher_did", "access_url",
       "access_format", "access_estsize", "target_name", "s_ra", "s_dec", "s_fov", "s_region",
       "s_resolution", "s_xel1", "s_xel2", "s_pixel_scale", "t_min", "t_max", "t_exptime", "t_resolution",
       "t_xel", "t_scale", "em_min", "em_max", "em_res_power", "em_xel", "o_ucd", "pol_states", "pol_xel",
       "facility_name", "instrument_name"]
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(\.\d*)?)?$")
OLD = re.compile(r"^(\d{2})/(\d{2})/(\d{2})$")
HMS = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d*)?$")


class Keys:
    """An HDU's own cards and, by the inheritance rule, its primary header's."""

    def __init__(self, own, primary, inherits):
        self.own, self.primary, self.inherits = own, primary, inherits

    def get(self, k):
        if k in self.own:
            return self.own[k], self.own.comments[k]
        if self.inherits and k in INHERITED and k in self.primary:
            return self.primary[k], self.primary.comments[k]
        return None

    def val(self, k):
        f = self.get(k)
        return None if f is None else f[0]


def num(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


# ---------------------------------------------------------------- time
def astropy_scale(keys):
    ts = keys.val("TIMESYS")
    if ts is None:
        return "utc", "UTC"
    name = str(ts).strip().upper()
    if name in SCALES:
        return SCALES[name], SCALE_NAMES.get(name, name)
    return None, None


def parse_date(text, scale, time_text=None):
    """Time of a FITS date string (with TIME-xxx for a bare date), or None."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if s.endswith("Z"):
        s = s[:-1]
    m = OLD.match(s)
    if m:
        s = "19%s-%s-%s" % (m.group(3), m.group(2), m.group(1))
    m = ISO.match(s)
    if not m:
        return None
    if m.group(4) is None and time_text is not None:
        if not isinstance(time_text, str) or not HMS.match(time_text.strip()):
            return None
        s = s + "T" + time_text.strip()
    try:
        return Time(s, format="fits" if "T" in s else "iso", scale=scale or "tt")
    except ValueError:
        return None


def unit_of(keys, keyword, in_timeunit):
    comment = keys.get(keyword)[1]
    m = re.match(r"^\s*\[\s*([^\]]*?)\s*\]", comment)
    if m and m.group(1).lower() in TIME_UNITS:
        return TIME_UNITS[m.group(1).lower()]
    if not in_timeunit:
        return u.s
    tu = keys.val("TIMEUNIT")
    if tu is None:
        return u.s
    return TIME_UNITS.get(str(tu).strip().lower())


def duration(keys, keyword, in_timeunit):
    f = keys.get(keyword)
    if f is None or num(f[0]) is None or f[0] < 0:
        return None
    unit = unit_of(keys, keyword, in_timeunit)
    return None if unit is None else (f[0] * unit).to_value(u.s)


def reference(keys, scale):
    for name, fmt in (("MJDREF", "mjd"), ("JDREF", "jd"), ("BJDREF", "jd")):
        i, f, single = num(keys.val(name + "I")), num(keys.val(name + "F")), num(keys.val(name))
        if i is not None and f is not None:
            return Time(i, f, format=fmt, scale=scale)
        if single is not None:
            return Time(single, format=fmt, scale=scale)
        if i is not None or f is not None:
            return Time(i or 0.0, f or 0.0, format=fmt, scale=scale)
    d = parse_date(keys.val("DATEREF"), scale)
    return d


def relative(keys, keyword, scale):
    if keys.get(keyword) is not None:
        value = num(keys.val(keyword))
    elif keys.get(keyword + "I") is not None:
        i, f = num(keys.val(keyword + "I")), num(keys.val(keyword + "F") if keys.get(keyword + "F") else 0)
        value = None if i is None or f is None else i + f
    else:
        return None
    if value is None or scale is None:
        return None
    for k in ("TIMEZERO", "TIMEOFFS"):
        if keys.get(k) is not None and num(keys.val(k)) != 0.0:
            return None
    ref = reference(keys, scale)
    tu = keys.val("TIMEUNIT")
    unit = u.s if tu is None else TIME_UNITS.get(str(tu).strip().lower())
    if ref is None or unit is None:
        return None
    return ref + TimeDelta(value * unit)


def moment(keys, keyword, scale):
    if keyword in ("MJD-BEG", "MJD-END", "MJD-OBS", "EXPSTART", "EXPEND"):
        v = num(keys.val(keyword))
        return None if v is None else Time(v, format="mjd", scale=scale or "tt")
    if keyword in ("DATE-BEG", "DATE-OBS", "DATE-END"):
        if keys.get(keyword) is None:
            return None
        companion = {"DATE-OBS": "TIME-OBS", "DATE-END": "TIME-END"}.get(keyword)
        t = keys.val(companion) if companion and keys.get(companion) is not None else None
        return parse_date(keys.val(keyword), scale, t)
    return relative(keys, keyword, scale)


def time_columns(keys, out):
    scale, scale_name = astropy_scale(keys)
    exposure = None
    for k in ("XPOSURE", "EXPOSURE", "EXPTIME"):
        exposure = duration(keys, k, k != "EXPTIME")
        if exposure is not None:
            break
    if exposure is not None:
        out["t_exptime"] = exposure
    res = duration(keys, "TIMEDEL", True) if "TIMEDEL" in keys.own else None
    if res is not None:
        out["t_resolution"] = res
    start, end_family = None, None
    for s, e in (("MJD-BEG", "MJD-END"), ("DATE-BEG", "DATE-END"), ("TSTART", "TSTOP"), ("EXPSTART", "EXPEND"),
                 ("DATE-OBS", "DATE-END"), ("MJD-OBS", "MJD-END")):
        start = moment(keys, s, scale)
        if start is not None:
            start_keyword, end_family = s, e
            break
    if start is None:
        return
    stop = moment(keys, end_family, scale)
    for e in ("MJD-END", "DATE-END", "TSTOP", "EXPEND"):
        if stop is None:
            stop = moment(keys, e, scale)
    elapsed = duration(keys, "TELAPSE", True)
    date_alone = start_keyword in ("DATE-BEG", "DATE-OBS") and "T" not in str(keys.val(start_keyword)) and \
        not (start_keyword == "DATE-OBS" and keys.get("TIME-OBS") is not None)
    if stop is None and elapsed is not None and not date_alone:
        stop = start + TimeDelta(elapsed * u.s)
    if stop is None and exposure is not None and not date_alone:
        stop = start + TimeDelta(exposure * u.s)
    if stop is not None and stop.mjd < start.mjd:
        return
    out["t_min"] = start.mjd
    if stop is not None:
        out["t_max"] = stop.mjd
    if scale_name is not None:
        out["t_scale"] = scale_name


# ---------------------------------------------------------------- axes and product type
def coordinate_type(ctype):
    c = ctype.strip().upper()
    if len(c) > 4 and c[4] == "-":
        c = c[:4]
    return c.rstrip("-")


def axis_type(ctype):
    t = coordinate_type(ctype)
    if t in ("", "PIXEL", "LINEAR"):
        return "generic"
    if re.fullmatch(r"RA|DEC|[A-Z]LON|[A-Z]LAT|[A-Z]{2}LN|[A-Z]{2}LT", t):
        return "spatial"
    if t in ("FREQ", "ENER", "WAVN", "VRAD", "WAVE", "VOPT", "ZOPT", "AWAV", "VELO", "BETA", "FELO"):
        return "spectral"
    if t in ("TIME", "UTC", "TAI", "TT", "TDT", "ET", "IAT", "UT1", "GMT", "GPS", "TCG", "TCB", "TDB", "LOCAL"):
        return "time"
    if t == "STOKES":
        return "stokes"
    return "complex" if t == "COMPLEX" else "unknown"


STOKES = {1: "I", 2: "Q", 3: "U", 4: "V", -1: "RR", -2: "LL", -3: "RL", -4: "LR", -5: "XX", -6: "YY",
          -7: "XY", -8: "YX"}


def counts(h, axes, out):
    for kind, col in (("time", "t_xel"), ("spectral", "em_xel"), ("stokes", "pol_xel")):
        found = [a for a in axes if a[2] == kind]
        if found:
            out[col] = found[0][1]
    st = [a for a in axes if a[2] == "stokes"]
    if st:
        n = st[0][0]
        crval, cdelt, crpix = h.get("CRVAL%d" % n, 0.0), h.get("CDELT%d" % n, 1.0), h.get("CRPIX%d" % n, 0.0)
        codes = [crval + cdelt * (p - crpix) for p in range(1, st[0][1] + 1)]
        if all(abs(c - round(c)) < 1e-6 and round(c) in STOKES for c in codes):
            out["pol_states"] = "/" + "/".join(STOKES[round(c)] for c in codes) + "/"


def image_axes(h):
    naxis = h.get("NAXIS")
    return [(n, h["NAXIS%d" % n], axis_type(str(h.get("CTYPE%d" % n, "")))) for n in range(1, naxis + 1)]


def product(h, kind, groups, out):
    if kind in ("TABLE", "BINTABLE"):
        hc = str(h.get("HDUCLAS1", "")).strip().upper()
        ext = str(h.get("EXTNAME", "")).strip().upper()
        cols = [str(h[k]).strip().upper() for k in h if re.fullmatch(r"TTYPE\d+", k)]
        t = None
        if hc == "EVENTS" or (ext == "EVENTS" and "TIME" in cols):
            t = "event"
        elif hc == "LIGHTCURVE" or (ext in ("LIGHTCURVE", "RATE") and "TIME" in cols):
            t = "timeseries"
            out["t_xel"] = h["NAXIS2"]
        elif hc == "SPECTRUM":
            t = "spectrum"
        elif any(coordinate_type(c) == "UU" for c in cols) and any(coordinate_type(c) == "VV" for c in cols):
            t = "visibility"
        if t:
            out["dataproduct_type"] = t
        return []
    axes = image_axes(h)
    if groups:
        out["dataproduct_type"] = "visibility"
        counts(h, axes[1:], out)
        return axes[1:]
    if not axes or any(a[1] == 0 for a in axes) or any(a[2] in ("unknown", "complex") for a in axes):
        return []
    spatial = [a for a in axes if a[2] == "spatial"] or [a for a in axes if a[2] == "generic"]
    s = len([a for a in spatial if a[1] > 1])
    e = len([a for a in axes if a[2] == "spectral" and a[1] > 1])
    t = len([a for a in axes if a[2] == "time" and a[1] > 1])
    kind = None
    if e and not t:
        kind = "cube" if s >= 2 else "spectrum"
    elif t and not e:
        kind = "cube" if s >= 2 else ("timeseries" if s == 0 else None)
    elif not e and not t:
        kind = "cube" if s >= 3 else ("image" if s == 2 else None)
    if kind:
        out["dataproduct_type"] = kind
    if spatial:
        out["s_xel1"] = spatial[0][1]
    if len(spatial) > 1:
        out["s_xel2"] = spatial[1][1]
    counts(h, axes, out)
    return axes


DEFAULT_UNITS = {"WAVE": "m", "AWAV": "m", "FREQ": "Hz", "ENER": "J", "WAVN": "m-1"}


def air_to_vacuum(value, cunit):
    h = fits.Header()
    h["NAXIS"], h["NAXIS1"], h["CTYPE1"], h["CUNIT1"] = 1, 1, "AWAV", cunit
    h["CRVAL1"], h["CDELT1"], h["CRPIX1"] = value, 1.0, 1.0
    w = WCS(h)
    w.wcs.sptr("WAVE-???")
    return float(w.wcs_pix2world(np.array([[0.0]]), 0).ravel()[0])


def spectral_range(h, keys, axes, out):
    spec = [a for a in axes if a[2] == "spectral"]
    if spec:
        n = spec[0][0]
        ctype = str(h.get("CTYPE%d" % n, "")).strip().upper()
        if coordinate_type(ctype) in ("WAVE", "AWAV", "FREQ", "ENER", "WAVN") and len(ctype) <= 4:
            cunit = str(h.get("CUNIT%d" % n, DEFAULT_UNITS[coordinate_type(ctype)])).strip()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # wcslib evaluates the axis at the pixel edges in the header's own unit (CUNIT left
                # out, so that wcslib's older CODATA constants never enter)
                bare = h.copy()
                bare.remove("CUNIT%d" % n, ignore_missing=True)
                native = WCS(bare).sub([n]).wcs_pix2world(np.array([[-0.5], [spec[0][1] - 0.5]]), 0).ravel()
                if coordinate_type(ctype) == "AWAV":
                    # wcslib's air-to-vacuum conversion (the IAU standard, Edlen 1953), at each edge
                    # on its own: wcslib's sptr() does not rescale a CD matrix
                    edges = np.array([air_to_vacuum(v, cunit) for v in native])
                else:
                    # astropy.units (exact SI constants) turns frequency, energy, wavenumber into wavelength
                    q = native * u.Unit(cunit, format="fits")
                    edges = q.to_value(u.m, equivalencies=u.spectral()) if np.all(native > 0) else np.array([np.nan])
            if np.all(np.isfinite(edges)) and np.all(edges > 0):
                out["em_min"], out["em_max"] = float(edges.min()), float(edges.max())
                return
    lo, hi = num(keys.val("WAVELMIN")), num(keys.val("WAVELMAX"))
    if lo is not None and hi is not None and 0 < lo <= hi:
        out["em_min"], out["em_max"] = (lo * u.nm).to_value(u.m), (hi * u.nm).to_value(u.m)


# ---------------------------------------------------------------- the row
def file_stem(url):
    name = url.split("?")[0].split("#")[0].rsplit("/", 1)[-1]
    from urllib.parse import unquote
    name = unquote(name)
    for sfx in (".gz", ".fz", ".bz2"):
        if name.lower().endswith(sfx):
            name = name[:-len(sfx)]
    for sfx in (".fits", ".fit", ".fts"):
        if name.lower().endswith(sfx):
            return name[:-len(sfx)]
    return name


def text(keys, *keywords):
    for k in keywords:
        v = keys.val(k)
        if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip():
            return str(v).strip()
    return None


def describe(stored, view, primary, url):
    """Expected columns of the HDU with stored header `stored` (and `view`, the image view)."""
    is_primary = stored.cards[0].keyword == "SIMPLE"
    inherits = not is_primary and stored.get("INHERIT") is not False
    keys = Keys(view, primary, inherits)
    out = {}
    kind = "IMAGE" if is_primary or view is not stored else str(stored["XTENSION"]).strip().upper()
    groups = is_primary and stored.get("GROUPS") is True and stored.get("NAXIS1") == 0
    axes = product(view, kind, groups, out)
    spectral_range(view, keys, axes, out)
    res = num(keys.val("SPEC_RES"))
    if res is not None and res > 0:
        out["em_res_power"] = res
    time_columns(keys, out)
    for col, kws in (("target_name", ("OBJECT", "TARGNAME")), ("instrument_name", ("INSTRUME",)),
                     ("facility_name", ("TELESCOP",))):
        v = text(keys, *kws)
        if v is not None:
            out[col] = v
    out["obs_id"] = text(keys, "OBS_ID") or text(keys, "ROOTNAME") or file_stem(url)
    access = url.split("?")[0].split("#")[0]
    out["access_url"] = re.sub(r"^([a-z0-9]+://)[^/@]*@", r"\1", access)
    out["access_format"] = "application/fits"
    return {"obs": {k: out[k] for k in ALL if k in out},
            "absent": [k for k in ALL if k not in out]}


def leap_second_day(mjd):
    """True when the UTC day of this MJD has 86,401 seconds."""
    day = np.floor(mjd)
    a, b = Time(day, format="mjd", scale="utc"), Time(day + 1, format="mjd", scale="utc")
    return bool(abs((b - a).sec - 86400) > 0.5)


# ---------------------------------------------------------------- inputs
def hdus_of(path):
    """(stored header, image view or stored header) of every HDU of a FITS file."""
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(path, lazy_load_hdus=False) as hdul:
            for hdu in hdul:
                if not hasattr(hdu, "fileinfo"):
                    return None
                info = hdu.fileinfo()
                stored = fits.Header.fromstring(raw[info["hdrLoc"]:info["datLoc"]].decode("ascii", "replace"))
                view = fits.Header(hdu.header, copy=True) if isinstance(hdu, fits.CompImageHDU) else stored
                out.append((stored, view))
    return out


def corpus(src):
    entries = []
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if name.startswith(".") or name == "SHA256SUMS":
            continue
        hdus = hdus_of(path)
        if hdus is None:
            continue
        url = "https://archive.example/corpus/" + name
        for i, (stored, view) in enumerate(hdus):
            e = {"file": name, "hdu": i, "url": url}
            e.update(describe(stored, view, hdus[0][0], url))
            entries.append(e)
    return entries


def header(cards, primary=False):
    h = fits.Header()
    if primary:
        h["SIMPLE"] = True
    for k, v in cards:
        if isinstance(v, tuple):
            h.append((k,) + v, end=True)
        else:
            h.append((k, v), end=True)
    return h


def image_hdr(naxes, extra=(), primary=False):
    first = [("XTENSION", "IMAGE")] if not primary else []
    cards = first + [("BITPIX", -32), ("NAXIS", len(naxes))] + [("NAXIS%d" % (i + 1), n) for i, n in enumerate(naxes)]
    if not primary:
        cards += [("PCOUNT", 0), ("GCOUNT", 1)]
    return header(cards + list(extra), primary)


def table_hdr(rows, columns, extra=()):
    cards = [("XTENSION", "BINTABLE"), ("BITPIX", 8), ("NAXIS", 2), ("NAXIS1", 8 * len(columns)),
             ("NAXIS2", rows), ("PCOUNT", 0), ("GCOUNT", 1), ("TFIELDS", len(columns))]
    for i, c in enumerate(columns):
        cards += [("TTYPE%d" % (i + 1), c), ("TFORM%d" % (i + 1), "D")]
    return header(cards + list(extra))


EMPTY_PRIMARY = header([("BITPIX", 8), ("NAXIS", 0), ("EXTEND", True)], primary=True)
HST_PRIMARY = header([("BITPIX", 16), ("NAXIS", 0), ("EXTEND", True), ("TELESCOP", "HST"),
                      ("INSTRUME", "WFC3"), ("TARGNAME", "NGC-104"), ("ROOTNAME", "ibcd01abq"),
                      ("DATE-OBS", "2010-01-12"), ("TIME-OBS", "03:04:05"), ("EXPTIME", 250.0)], primary=True)
CEL = [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 10.0), ("CRVAL2", -20.0),
       ("CRPIX1", 50.0), ("CRPIX2", 50.0), ("CDELT1", -1e-4), ("CDELT2", 1e-4)]


def generated_cases():
    """(name, hdu header, primary header or None when the HDU is the primary, url)."""
    url = "s3://bucket/night%201/frame.fits"
    c = []

    def img(name, naxes, extra, primary=EMPTY_PRIMARY, u=url):
        c.append((name, image_hdr(naxes, extra), primary, u))

    # time: one case per family and per way a keyword can be unusable
    img("time_mjd_beg_end", [10, 10], [("TIMESYS", "TT"), ("MJD-BEG", 58000.25), ("MJD-END", 58000.375),
                                       ("DATE-OBS", "2017-09-04T06:00:00"), ("XPOSURE", 600.0)])
    img("time_date_beg_end_tai", [10, 10], [("TIMESYS", "TAI"), ("DATE-BEG", "2019-02-03T04:05:06.789"),
                                            ("DATE-END", "2019-02-03T05:06:07.891"), ("EXPTIME", 3600.0)])
    img("time_date_obs_time_obs_exptime", [10, 10], [("DATE-OBS", "1998-04-20"), ("TIME-OBS", "18:38:15.25"),
                                                     ("EXPTIME", 30.0)])
    img("time_date_obs_full_xposure_first", [10, 10], [("DATE-OBS", "2021-07-01T00:00:00.5"),
                                                       ("XPOSURE", (12.0, "[min] effective exposure")),
                                                       ("EXPTIME", 999.0)])
    img("time_mjd_obs_exposure", [10, 10], [("MJD-OBS", 55555.125), ("EXPOSURE", 120.0)])
    img("time_hst_expstart", [10, 10], [("DATE-OBS", "2004-05-25"), ("TIME-OBS", "00:31:28"),
                                        ("EXPSTART", 53150.02185456), ("EXPEND", 53150.02285456), ("EXPTIME", 86.4),
                                        ("INHERIT", True)], HST_PRIMARY)
    c.append(("time_tess_btjd", image_hdr([2048, 2048], [("TIMESYS", "TDB"), ("TIMEREF", "SOLARSYSTEM"),
                                                         ("TIMEUNIT", "d"), ("BJDREFI", 2457000),
                                                         ("BJDREFF", 0.0), ("TSTART", 1850.1234567),
                                                         ("TSTOP", 1850.1442901), ("TELAPSE", (0.0208334, "[d] TSTOP - TSTART")),
                                                         ("EXPOSURE", (0.0166667, "[d] time on source")),
                                                         ("TIMEDEL", 0.0208333), ("INSTRUME", "TESS Photometer"),
                                                         ("TELESCOP", "TESS")]), EMPTY_PRIMARY,
              "https://stpubdata.s3.amazonaws.com/tess/public/ffi/s0022/tess2020-s0022-4-4-0128-s_ffic.fits"))
    c.append(("time_kepler_lightcurve", table_hdr(4000, ["TIME", "SAP_FLUX", "PDCSAP_FLUX"],
                                                  [("EXTNAME", "LIGHTCURVE"), ("TIMESYS", "TDB"), ("TIMEUNIT", "d"),
                                                   ("BJDREFI", 2454833), ("BJDREFF", 0.0), ("TSTART", 120.5297),
                                                   ("TSTOP", 131.5123), ("TIMEDEL", 0.02043357), ("OBJECT", "KIC 8462852"),
                                                   ("TELESCOP", "Kepler"), ("INSTRUME", "Kepler Photometer")]),
              EMPTY_PRIMARY, "https://archive.example/kplr008462852-2009131105131_llc.fits"))
    c.append(("time_xmm_events_mjdref", table_hdr(100000, ["TIME", "X", "Y", "PI"],
                                                  [("EXTNAME", "EVENTS"), ("HDUCLAS1", "EVENTS"), ("TIMESYS", "TT"),
                                                   ("MJDREF", 50814.0), ("TSTART", 570218309.89117),
                                                   ("TSTOP", 570224757.14153), ("EXPOSURE", 4998.98),
                                                   ("EXPTIME", (3.1, "frame time")), ("TELESCOP", "XMM"),
                                                   ("OBS_ID", 123456789)]), EMPTY_PRIMARY, url))
    img("time_mjdrefi_f_tstarti_f", [10, 10], [("TIMESYS", "TT"), ("TIMEUNIT", "d"), ("MJDREFI", 49353),
                                               ("MJDREFF", 0.000696574076), ("TSTARTI", 735),
                                               ("TSTARTF", 0.371525425922), ("TSTOPI", 1166),
                                               ("TSTOPF", 0.262197425924)])
    img("time_jdrefi_f_seconds", [10, 10], [("TIMESYS", "TT"), ("JDREFI", 2451544), ("JDREFF", 0.5),
                                            ("TSTART", 86400.0 * 365), ("TSTOP", 86400.0 * 365 + 7200)])
    img("time_jdref_single", [10, 10], [("TIMESYS", "TDB"), ("JDREF", 2450000.5), ("TSTART", 1000.0),
                                        ("TSTOP", 2000.0)])
    img("time_dateref", [10, 10], [("TIMESYS", "TT"), ("DATEREF", "2000-01-01T12:00:00"), ("TIMEUNIT", "h"),
                                   ("TSTART", 24.0), ("TSTOP", 30.5)])
    img("time_timeunit_min", [10, 10], [("TIMESYS", "TT"), ("MJDREF", 51544.5), ("TIMEUNIT", "min"),
                                        ("TSTART", 90.0), ("TSTOP", 150.0)])
    img("time_mjdref_wins_over_jdref", [10, 10], [("TIMESYS", "TT"), ("MJDREF", 51544.0), ("JDREF", 2400000.5),
                                                  ("TSTART", 10.0)])
    img("time_old_ddmmyy", [10, 10], [("DATE-OBS", "25/12/89"), ("TIME-OBS", "22:10:00"),
                                      ("DATE-END", "26/12/89"), ("TIME-END", "01:20:30.5")])
    img("time_no_reference", [10, 10], [("TIMESYS", "TT"), ("TSTART", 1.0e8), ("TSTOP", 1.0e8 + 10)])
    img("time_timezero_not_applied", [10, 10], [("TIMESYS", "TT"), ("MJDREF", 43874.0), ("TIMEZERO", 55719.0),
                                                ("TSTART", -0.038), ("TSTOP", 86397.6), ("DATE-OBS", "2011-06-07")])
    img("time_timesys_not_a_scale", [10, 10], [("TIMESYS", "1979.00"), ("MJDREF", 43874.0), ("TSTART", 1.0e9),
                                               ("DATE-OBS", "2010-10-16T19:12:18")])
    img("time_contradiction", [10, 10], [("DATE-OBS", "2012-05-05T10:00:00"), ("DATE-END", "2012-05-04T10:00:00")])
    img("time_bad_date", [10, 10], [("DATE-OBS", "2011/06/07"), ("EXPTIME", 5.0)])
    img("time_bad_time_obs", [10, 10], [("DATE-OBS", "2011-06-07"), ("TIME-OBS", "25:00"), ("MJD-OBS", 55719.5)])
    img("time_telapse_only", [10, 10], [("TIMESYS", "TT"), ("DATE-OBS", "2015-03-20T09:00:00"),
                                        ("TELAPSE", 5400.0)])
    img("time_utc_leap_second_day", [10, 10], [("DATE-OBS", "2016-12-31T12:00:00"), ("EXPTIME", 100.0)])
    img("time_tdt_is_tt", [10, 10], [("TIMESYS", "TDT"), ("MJD-OBS", 44000.5), ("MJD-END", 44000.75)])
    img("time_date_alone_gives_no_stop", [10, 10], [("DATE-OBS", "1996-06-01"), ("EXPTIME", 60.0)])
    img("time_negative_exposure", [10, 10], [("DATE-OBS", "2001-01-01T00:00:00"), ("EXPTIME", -1.0),
                                             ("EXPOSURE", "long")])
    # inheritance
    primary = header([("BITPIX", 8), ("NAXIS", 0), ("EXTEND", True), ("OBJECT", "M 31"), ("TELESCOP", "INT"),
                      ("INSTRUME", "WFC"), ("DATE-OBS", "2005-10-01T21:00:00"), ("EXPTIME", 600.0),
                      ("TIMESYS", "UTC"), ("WAVELMIN", 500.0), ("WAVELMAX", 700.0), ("SPEC_RES", 1200.0),
                      ("CTYPE1", "RA---TAN")], primary=True)
    img("inherit_absent", [100, 100], CEL, primary)
    img("inherit_true", [100, 100], CEL + [("INHERIT", True)], primary)
    img("inherit_false", [100, 100], CEL + [("INHERIT", False)], primary)
    img("inherit_own_overrides", [100, 100], CEL + [("OBJECT", "M 32"), ("EXPTIME", 30.0)], primary)
    c.append(("primary_with_data", image_hdr([64, 64], CEL + [("OBJECT", "NGC 1316"), ("DATE-OBS", "1996-06-01"),
                                                            ("TELESCOP", "Optical"), ("INSTRUME", "")], primary=True),
              None, url))
    # product types and spectral axes
    img("cube_wave_metres", [40, 30, 200], CEL + [("CTYPE3", "WAVE"), ("CUNIT3", "m"), ("CRVAL3", 5.0e-7),
                                                   ("CDELT3", 1.25e-10), ("CRPIX3", 1.0)])
    img("spectrum_wave_angstrom", [2048], [("CTYPE1", "WAVE"), ("CUNIT1", "Angstrom"), ("CRVAL1", 3800.0),
                                           ("CDELT1", 2.5), ("CRPIX1", 1.0)])
    img("spectrum_freq_radio_stokes", [1, 1, 512, 4], [("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"),
                                                       ("CRVAL1", 83.6), ("CRVAL2", 22.0), ("CTYPE3", "FREQ"),
                                                       ("CUNIT3", "GHz"), ("CRVAL3", 1.4), ("CDELT3", -0.0005),
                                                       ("CRPIX3", 256.0), ("CTYPE4", "STOKES"), ("CRVAL4", 1.0),
                                                       ("CDELT4", 1.0), ("CRPIX4", 1.0)])
    img("spectrum_ener_kev", [1024], [("CTYPE1", "ENER"), ("CUNIT1", "keV"), ("CRVAL1", 0.3), ("CDELT1", 0.01),
                                      ("CRPIX1", 1.0)])
    img("spectrum_wavn_per_cm", [300], [("CTYPE1", "WAVN"), ("CUNIT1", "cm-1"), ("CRVAL1", 2000.0),
                                        ("CDELT1", 1.5), ("CRPIX1", 1.0)])
    img("spectrum_awav_longslit_cd", [1024, 200], [("CTYPE1", "AWAV"), ("CUNIT1", "nm"), ("CRVAL1", 650.0),
                                                   ("CRPIX1", 512.0), ("CD1_1", 0.05), ("CD2_2", 1.0)])
    img("spectrum_pc_cdelt", [500], [("CTYPE1", "WAVE"), ("CUNIT1", "um"), ("CRVAL1", 1.0), ("CDELT1", 0.002),
                                     ("PC1_1", 0.5), ("CRPIX1", 250.5)])
    img("spectrum_nonlinear_log", [500], [("CTYPE1", "WAVE-LOG"), ("CUNIT1", "m"), ("CRVAL1", 5e-7),
                                          ("CDELT1", 1e-10), ("CRPIX1", 1.0)])
    img("cube_velocity_vrad", [64, 64, 30], CEL + [("CTYPE3", "VRAD"), ("CUNIT3", "m/s"), ("CRVAL3", 1000.0),
                                                    ("CDELT3", 500.0), ("CRPIX3", 1.0), ("RESTFRQ", 1.42040575e9)])
    img("cube_time_axis", [32, 32, 100], CEL + [("CTYPE3", "TIME"), ("CUNIT3", "s"), ("CRVAL3", 0.0),
                                                 ("CDELT3", 2.0), ("CRPIX3", 1.0)])
    img("timeseries_time_axis", [1000], [("CTYPE1", "UTC"), ("CRVAL1", 0.0), ("CDELT1", 1.0)])
    img("image_stokes_cube", [128, 128, 4], CEL + [("CTYPE3", "STOKES"), ("CRVAL3", 1.0), ("CDELT3", 1.0),
                                                    ("CRPIX3", 1.0)])
    img("image_circular_stokes", [128, 128, 2], CEL + [("CTYPE3", "STOKES"), ("CRVAL3", -1.0),
                                                        ("CDELT3", -1.0), ("CRPIX3", 1.0)])
    img("image_no_ctype", [300, 200], [])
    img("cube_no_ctype", [30, 20, 10, 2], [])
    img("unknown_ctype", [62, 44], [("CTYPE1", "LAMBDA"), ("CTYPE2", "ANGLE")])
    img("one_axis_no_type", [965], [])
    img("no_data_naxis0", [], [])
    img("no_data_empty_axis", [100, 0], CEL)
    img("helioprojective_image", [100, 100], [("CTYPE1", "HPLN-TAN"), ("CTYPE2", "HPLT-TAN")])
    c.append(("table_events_extname_time", table_hdr(2928, ["X", "Y", "PHA", "TIME"],
                                                     [("EXTNAME", "EVENTS"), ("DATE-OBS", "08/03/93"),
                                                      ("TIME-OBS", "10:30:32")]), EMPTY_PRIMARY, url))
    c.append(("table_ogip_pha_spectrum", table_hdr(1024, ["CHANNEL", "COUNTS"],
                                                   [("EXTNAME", "SPECTRUM"), ("HDUCLAS1", "SPECTRUM"),
                                                    ("EXPOSURE", 20000.0), ("TELESCOP", "SWIFT"),
                                                    ("INSTRUME", "XRT")]), EMPTY_PRIMARY, url))
    c.append(("table_ogip_rate_lightcurve", table_hdr(500, ["TIME", "RATE", "ERROR"],
                                                      [("EXTNAME", "RATE"), ("TIMEDEL", (16.0, "[s] bin size"))]),
              EMPTY_PRIMARY, url))
    c.append(("table_fitsidi_uv_data", table_hdr(5000, ["UU", "VV", "WW", "DATE", "TIME", "BASELINE", "FLUX"],
                                                 [("EXTNAME", "UV_DATA")]), EMPTY_PRIMARY, url))
    c.append(("table_unknown_kind", table_hdr(10, ["NAME", "MAG"], [("EXTNAME", "CATALOG")]), EMPTY_PRIMARY, url))
    eso = header([("BITPIX", 8), ("NAXIS", 0), ("EXTEND", True), ("OBJECT", "HD 1234"), ("TELESCOP", "ESO-VLT-U2"),
                  ("INSTRUME", "UVES"), ("MJD-OBS", 57000.1), ("MJD-END", 57000.15), ("TEXPTIME", 3600.0),
                  ("EXPTIME", 3600.0), ("WAVELMIN", 472.6), ("WAVELMAX", 683.5), ("SPEC_RES", 42310.0),
                  ("PRODCATG", "SCIENCE.SPECTRUM")], primary=True)
    c.append(("eso_sdp_spectrum_table", table_hdr(1, ["WAVE", "FLUX", "ERR"], [("EXTNAME", "SPECTRUM")]), eso,
              "https://dataportal.eso.org/dataPortal/file/ADP.2014-09-16T11:03:30.133?token=secret"))
    # names and the URL
    c.append(("names_blank_and_url_secrets", image_hdr([10, 10], [("OBJECT", "   "), ("TARGNAME", "Vega"),
                                                                  ("INSTRUME", ""), ("TELESCOP", "APO 3.5m")]),
              EMPTY_PRIMARY, "https://user:pw@bucket.example/dir/img%20001.fits.fz?X-Amz-Signature=abc#frag"))
    return c


def generated():
    entries = []
    for name, hdu, primary, url in generated_cases():
        is_primary = primary is None
        prim = hdu if is_primary else primary
        e = {"case": name, "url": url,
             "header": [c.image for c in hdu.cards],
             "primaryHeader": None if is_primary else [c.image for c in primary.cards]}
        stored = fits.Header.fromstring(hdu.tostring())
        prim_stored = fits.Header.fromstring(prim.tostring())
        e.update(describe(stored, stored, prim_stored, url))
        if "t_min" in e["obs"] and e["obs"].get("t_scale") == "UTC":
            e["utcLeapSecondDay"] = leap_second_day(e["obs"]["t_min"])
        entries.append(e)
    entries += compressed_cases()
    return entries


def compressed_cases():
    """A tile-compressed cube: described through astropy's image view of the stored table."""
    rng = np.random.default_rng(7)
    data = rng.integers(0, 500, size=(6, 20, 30)).astype(np.int32)
    h = fits.Header()
    for k, v in CEL + [("CTYPE3", "WAVE"), ("CUNIT3", "nm"), ("CRVAL3", 600.0), ("CDELT3", 0.5), ("CRPIX3", 1.0),
                       ("OBJECT", "M 82"), ("DATE-OBS", "2020-02-02T02:02:02"), ("EXPTIME", 45.0)]:
        h[k] = v
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cube.fits")
        fits.HDUList([fits.PrimaryHDU(), fits.CompImageHDU(data=data, header=h, compression_type="RICE_1",
                                                           tile_size=[30, 20, 1], name="SCI")]).writeto(path)
        hdus = hdus_of(path)
    stored, view = hdus[1]
    url = "https://archive.example/cube.fits"
    e = {"case": "compressed_cube", "url": url, "header": [c.image for c in stored.cards],
         "primaryHeader": [c.image for c in hdus[0][0].cards]}
    e.update(describe(stored, view, hdus[0][0], url))
    return [e]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name, entries in (("corpus.json", corpus(src)), ("generated.json", generated())):
        with open(os.path.join(dst, name), "w") as f:
            json.dump({"astropy": astropy.__version__, "entries": entries}, f, indent=1)
            f.write("\n")
        print(name, len(entries), "entries")


if __name__ == "__main__":
    main()
