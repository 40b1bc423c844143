#!/usr/bin/env python3
"""Writes what astropy.wcs (wcslib) says about celestial WCS headers, as JSON fixtures.

Run with Debian's python3-astropy (5.2.1, wcslib 7.12):
    /usr/bin/python3 oracles/make_wcs_golden.py ~/.cache/astrocloud/corpus \
        astrocloud-core/src/test/resources/golden/wcs

Two kinds of case:
- corpus: every HDU of the real FITS corpus whose header has CTYPEn keywords, with the header
  astropy gives the HDU (hdu.header: for a tile-compressed HDU, the image header);
- generated: headers written below, one or more per projection, frame, linear-transformation
  form, axis layout and awkward sky position the Java WCS claims to handle.

For each case with a celestial WCS the fixture holds the header's cards (typed as astropy types
them), then over a grid of pixels (FITS 1-based coordinates along the two celestial pixel axes,
the others at their reference pixel, which is what astropy's `WCS.celestial` does):
- "world": astropy's `all_pix2world` in the header's own frame (SIP applied);
- "icrs": the same position turned into ICRS by astropy.coordinates;
- "inverse": astropy's `all_world2pix` of that ICRS position, taken back into the header's frame.
Grid points outside the projection's domain are null, as astropy makes them NaN.
Then the footprint: `calc_footprint(center=False)` of the celestial WCS (the outer corners, pixel
edges 0.5 and NAXISn + 0.5) in ICRS; the smallest circle around the four corners (found here by
trying every pair and triple of corners, with numpy, independently of the Java code); the corners
in STC-S order (counter-clockwise seen from inside the sphere, east to the left: a negative
shoelace area in astropy's SkyOffsetFrame east/north offsets around the circle's centre), and
`proj_plane_pixel_scales` / `proj_plane_pixel_area`.

Frames: the header's RADESYS/EQUINOX as wcslib completes them (RADESYS absent: ICRS without an
equinox, FK4 before 1984, FK5 after; EPOCH read as EQUINOX), turned into astropy frames as
`astropy.wcs.utils.wcs_to_celestial_frame` does (FK4 with its equinox as obstime). Ecliptic
headers (ELON/ELAT) are not taken from wcs_to_celestial_frame, which in astropy 5.2.1 calls them
ICRS: they are `BarycentricMeanEcliptic` of the Julian EQUINOX (J2000 when absent).

Cases without a celestial WCS record astropy's view and say so; the Java tests expect a reason.
"""
import json
import math
import os
import sys
import warnings

import astropy
import numpy as np
from astropy import units as u
from astropy.coordinates import (FK4, FK5, ICRS, BarycentricMeanEcliptic, FK4NoETerms,
                                 Galactic, SkyCoord)
from astropy.io import fits
from astropy.time import Time
from astropy.wcs import WCS
from astropy.wcs import _wcs
from astropy.wcs.utils import (proj_plane_pixel_area, proj_plane_pixel_scales,
                               wcs_to_celestial_frame)

GRID = 9


# ---------------------------------------------------------------------------------------------
# Frames

def frame_of(cel):
    """The astropy frame of a celestial WCS, completed by wcslib (cel.wcs.set() was called)."""
    lng = cel.wcs.lngtyp.strip()
    radesys = cel.wcs.radesys.strip()
    eq = cel.wcs.equinox
    if lng == "RA":
        if radesys == "ICRS":
            return ICRS(), "ICRS"
        if radesys == "FK5":
            return FK5(equinox=Time(eq, format="jyear")), f"FK5 J{eq}"
        if radesys == "FK4":
            return FK4(equinox=Time(eq, format="byear")), f"FK4 B{eq}"
        if radesys == "FK4-NO-E":
            return FK4NoETerms(equinox=Time(eq, format="byear")), f"FK4-NO-E B{eq}"
        return None, f"RA/DEC in RADESYS {radesys!r}"
    if lng == "GLON":
        return Galactic(), "GALACTIC"
    if lng == "ELON":
        year = 2000.0 if math.isnan(eq) else eq
        return BarycentricMeanEcliptic(equinox=Time(year, format="jyear")), f"ECLIPTIC J{year}"
    return None, f"{lng}/{cel.wcs.lattyp.strip()}"


def check_against_astropy(cel, frame):
    """Our frame choice must be astropy's own wherever astropy's is right."""
    if cel.wcs.lngtyp.strip() == "ELON":
        return
    if not cel.wcs.ctype[0].startswith(("RA--", "DEC-", "GLON", "GLAT")):
        return  # 'RA'/'DEC' without a projection code: wcs_to_celestial_frame gives up
    theirs = wcs_to_celestial_frame(cel)
    if not theirs.is_equivalent_frame(frame):
        raise AssertionError(f"frame {frame} differs from astropy's {theirs}")


# ---------------------------------------------------------------------------------------------
# Geometry (footprint circle and STC-S order)

def unit(lonlat):
    lon, lat = np.radians(lonlat[0]), np.radians(lonlat[1])
    return np.array([math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)])


def lonlat(v):
    v = v / np.linalg.norm(v)
    return [math.degrees(math.atan2(v[1], v[0])) % 360.0, math.degrees(math.asin(max(-1, min(1, v[2]))))]


def sep(a, b):
    return SkyCoord(*a, unit="deg").separation(SkyCoord(*b, unit="deg")).deg


def smallest_circle(points):
    vs = [unit(p) for p in points]
    candidates = []
    for i in range(len(vs)):
        for j in range(i + 1, len(vs)):
            candidates.append(vs[i] + vs[j])
            for k in range(j + 1, len(vs)):
                n = np.cross(vs[j] - vs[i], vs[k] - vs[i])
                if np.linalg.norm(n) > 1e-15:
                    if np.dot(n, vs[i]) < 0:
                        n = -n
                    candidates.append(n)
    best = None
    for c in candidates:
        if np.linalg.norm(c) < 1e-15:
            continue
        centre = lonlat(c)
        radius = max(sep(centre, p) for p in points)
        if best is None or radius < best[1] - 1e-12:
            best = (centre, radius)
    return best


def stcs_order(corners, centre):
    offsets = SkyCoord([c[0] for c in corners], [c[1] for c in corners], unit="deg").transform_to(
        SkyCoord(*centre, unit="deg").skyoffset_frame())
    east = offsets.lon.deg
    north = offsets.lat.deg
    area = 0.0
    for i in range(len(corners)):
        j = (i + 1) % len(corners)
        area += east[i] * north[j] - east[j] * north[i]
    if area < 0:
        return corners
    return [corners[0]] + corners[:0:-1]


# ---------------------------------------------------------------------------------------------
# One case

def value(v):
    if isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    return None


def finite(row):
    return row is not None and all(math.isfinite(x) for x in row)


def describe(name, source, header, family, note=None, oracle_header=None):
    out = {"name": name, "source": source, "family": family,
           "astropy": astropy.__version__, "wcslib": _wcs.__version__,
           "cards": [{"keyword": k, "value": value(v)} for k, v in header.items()
                     if k not in ("COMMENT", "HISTORY", "")]}
    if note:
        out["note"] = note
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            w = WCS(oracle_header if oracle_header is not None else header)
        except Exception as e:  # noqa: BLE001 - astropy's refusal is the recorded outcome
            out.update(sky=False, astropyView=f"astropy.wcs refuses the header: {type(e).__name__}: {e}")
            return out
    if not w.has_celestial:
        out.update(sky=False, astropyView=f"no celestial axes in CTYPE {list(w.wcs.ctype)}")
        return out
    cel = w.celestial
    cel.wcs.set()
    frame, frame_name = frame_of(cel)
    if frame is None:
        out.update(sky=False, astropyView=f"celestial axes {frame_name} have no ICRS frame here")
        return out
    check_against_astropy(cel, frame)

    lng, lat = cel.wcs.lng, cel.wcs.lat
    axes = [i + 1 for i in range(w.naxis) if i in (w.wcs.lng, w.wcs.lat)]
    out.update(sky=True, frame=frame_name, projection=cel.wcs.ctype[lng][5:8].strip("-") or "linear",
               lngAxis=w.wcs.lng + 1, latAxis=w.wcs.lat + 1, pixelAxes=axes)
    shape = cel.pixel_shape
    if shape is not None and all(n and n > 0 for n in shape):
        xs = np.linspace(0.5, shape[0] + 0.5, GRID)
        ys = np.linspace(0.5, shape[1] + 0.5, GRID)
    else:
        c1, c2 = cel.wcs.crpix
        xs = np.linspace(c1 - 100, c1 + 100, GRID)
        ys = np.linspace(c2 - 100, c2 + 100, GRID)
    pixels = [[float(x), float(y)] for y in ys for x in xs] + [[float(c) for c in cel.wcs.crpix]]
    world = cel.all_pix2world(np.array(pixels), 1)
    points = []
    for pix, wrow in zip(pixels, world):
        lon, la = float(wrow[lng]), float(wrow[lat])
        point = {"pixel": pix, "world": None, "icrs": None, "inverse": None}
        if math.isfinite(lon) and math.isfinite(la) and abs(la) <= 90.0:
            point["world"] = [lon, la]
            icrs = SkyCoord(lon * u.deg, la * u.deg, frame=frame).icrs
            point["icrs"] = [float(icrs.ra.deg), float(icrs.dec.deg)]
            back = icrs.transform_to(frame).represent_as("unitspherical")
            native = [0.0, 0.0]
            native[lng] = float(back.lon.deg)
            native[lat] = float(back.lat.deg)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                inv = cel.all_world2pix(np.array([native]), 1, tolerance=1e-10, maxiter=200, quiet=True)[0]
            point["inverse"] = [float(v) for v in inv] if finite(inv) else None
        points.append(point)
    out["points"] = points

    scales = proj_plane_pixel_scales(cel)
    out["pixelScales"] = [float(s) for s in scales]
    out["pixelArea"] = float(proj_plane_pixel_area(cel))
    out["footprint"] = footprint(cel, frame, shape)
    return out


def footprint(cel, frame, shape):
    if shape is None or not all(n and n > 0 for n in shape):
        return {"why": "no pixel grid"}
    corners_native = cel.calc_footprint(center=False)
    lng, lat = cel.wcs.lng, cel.wcs.lat
    corners = []
    for row in corners_native:
        lon, la = float(row[lng]), float(row[lat])
        if not (math.isfinite(lon) and math.isfinite(la)) or abs(la) > 90.0:
            return {"why": "a corner lies outside the projection's domain"}
        icrs = SkyCoord(lon * u.deg, la * u.deg, frame=frame).icrs
        corners.append([float(icrs.ra.deg), float(icrs.dec.deg)])
    centre, radius = smallest_circle(corners)
    return {"corners": corners, "center": centre, "fovDeg": 2.0 * radius,
            "stcsCorners": stcs_order(corners, centre)}


# ---------------------------------------------------------------------------------------------
# Generated headers

def header(naxes, cards):
    h = fits.Header()
    h["SIMPLE"] = True
    h["BITPIX"] = -32
    h["NAXIS"] = len(naxes)
    for i, n in enumerate(naxes):
        h[f"NAXIS{i + 1}"] = n
    for k, v in cards:
        h[k] = v
    return h


def sky(proj, crval, crpix, cdelt, lng="RA", lat="DEC", extra=()):
    """The cards of a celestial pair on axes 1 and 2: CTYPE 'RA---TAN' and the like."""
    return [
        ("CTYPE1", (lng + "----")[:4] + "-" + proj), ("CTYPE2", (lat + "----")[:4] + "-" + proj),
        ("CRVAL1", float(crval[0])), ("CRVAL2", float(crval[1])),
        ("CRPIX1", float(crpix[0])), ("CRPIX2", float(crpix[1])),
        ("CDELT1", float(cdelt[0])), ("CDELT2", float(cdelt[1])),
    ] + list(extra)


def rotation_cd(scale1, scale2, degrees):
    r = math.radians(degrees)
    return [("CD1_1", -scale1 * math.cos(r)), ("CD1_2", scale2 * math.sin(r)),
            ("CD2_1", scale1 * math.sin(r)), ("CD2_2", scale2 * math.cos(r))]


def sip_polynomials():
    a = {(2, 0): 2.1e-6, (1, 1): -1.3e-6, (0, 2): 8.0e-7, (3, 0): 4.0e-9, (2, 1): -2.5e-9, (0, 3): 1.5e-9}
    b = {(2, 0): -6.0e-7, (1, 1): 1.9e-6, (0, 2): -1.1e-6, (3, 0): 2.0e-9, (1, 2): 3.0e-9, (0, 3): -1.0e-9}
    return a, b


def fit_inverse(a, b, n1, n2, crpix, order):
    """AP/BP as a pipeline would write them: least squares over the image of the inverse."""
    us, vs = np.meshgrid(np.linspace(0.5, n1 + 0.5, 40) - crpix[0], np.linspace(0.5, n2 + 0.5, 40) - crpix[1])
    us, vs = us.ravel(), vs.ravel()
    f = sum(c * us ** p * vs ** q for (p, q), c in a.items())
    g = sum(c * us ** p * vs ** q for (p, q), c in b.items())
    U, V = us + f, vs + g
    terms = [(p, q) for p in range(order + 1) for q in range(order + 1 - p) if p + q >= 1]
    m = np.stack([U ** p * V ** q for p, q in terms], axis=1)
    ap = np.linalg.lstsq(m, us - U, rcond=None)[0]
    bp = np.linalg.lstsq(m, vs - V, rcond=None)[0]
    return dict(zip(terms, ap)), dict(zip(terms, bp))


def sip_cards(with_inverse, n1, n2, crpix):
    a, b = sip_polynomials()
    cards = [("A_ORDER", 3), ("B_ORDER", 3)]
    cards += [(f"A_{p}_{q}", c) for (p, q), c in a.items()]
    cards += [(f"B_{p}_{q}", c) for (p, q), c in b.items()]
    if with_inverse:
        ap, bp = fit_inverse(a, b, n1, n2, crpix, 4)
        cards += [("AP_ORDER", 4), ("BP_ORDER", 4)]
        cards += [(f"AP_{p}_{q}", float(c)) for (p, q), c in ap.items()]
        cards += [(f"BP_{p}_{q}", float(c)) for (p, q), c in bp.items()]
    return cards


def generated():
    icrs = [("RADESYS", "ICRS")]
    cases = []

    def add(name, family, naxes, cards, note=None):
        cases.append((name, family, header(naxes, cards), note))

    # Linear part: CD, PC + CDELT, CROTA2, defaults.
    add("tan-cd", "zenithal", [200, 150],
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 150.1), ("CRVAL2", 2.2),
         ("CRPIX1", 100.5), ("CRPIX2", 75.5)] + rotation_cd(2.8e-4, 2.8e-4, 30.0) + icrs)
    add("tan-pc-cdelt", "zenithal", [256, 256],
        sky("TAN", (83.8, -5.4), (120.0, 140.0), (-2.8e-4, 2.8e-4),
            extra=[("PC1_1", 0.9396926), ("PC1_2", -0.3420201), ("PC2_1", 0.3420201), ("PC2_2", 0.9396926),
                   ("RADESYS", "FK5"), ("EQUINOX", 2000.0)]))
    add("tan-crota2-nonsquare", "zenithal", [300, 120],
        sky("TAN", (210.8, 54.3), (150.5, 60.5), (-1.0e-3, 1.5e-3), extra=[("CROTA2", 35.0)] + icrs))
    add("tan-defaults", "zenithal", [10, 10],
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 40.0), ("CRVAL2", 30.0)],
        "CRPIXj 0, CDELTi 1, PC unit, RADESYS and EQUINOX absent (ICRS)")
    add("tan-cd-partial", "zenithal", [100, 100],
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 12.0), ("CRVAL2", -33.0),
         ("CRPIX1", 50.0), ("CRPIX2", 50.0), ("CD1_1", -1.0e-3), ("CD2_2", 1.0e-3)] + icrs,
        "CD1_2 and CD2_1 absent: zero once any CDi_j is present")
    add("tan-pv1-3-lonpole", "zenithal", [100, 100],
        sky("TAN", (300.0, 45.0), (50.0, 50.0), (-0.01, 0.01), extra=[("PV1_3", 170.0)] + icrs),
        "PV1_3 on the longitude axis is LONPOLE by another name")
    add("tan-pole", "zenithal", [400, 400],
        sky("TAN", (45.0, 89.5), (200.5, 200.5), (-0.01, 0.01), extra=icrs),
        "the celestial north pole lies inside the field")
    add("tan-ra0", "zenithal", [360, 360],
        sky("TAN", (359.9, -10.0), (180.5, 180.5), (-2.8e-3, 2.8e-3), extra=icrs),
        "the field straddles RA = 0")
    # Zenithal family.
    add("sin", "zenithal", [256, 256], sky("SIN", (201.365, -43.019), (129.0, 129.0), (-1.0e-3, 1.0e-3), extra=icrs))
    add("sin-slant", "zenithal", [256, 256],
        sky("SIN", (187.7, 12.4), (129.0, 129.0), (-2.0e-3, 2.0e-3),
            extra=[("PV2_1", 0.1), ("PV2_2", -0.2)] + icrs), "slant orthographic (PV2_1, PV2_2)")
    add("ncp", "zenithal", [128, 128],
        sky("NCP", (120.0, 45.0), (64.5, 64.5), (-5.0e-3, 5.0e-3), extra=icrs),
        "AIPS NCP: SIN with PV2_2 = cot(CRVAL2)")
    add("sin-south-pole", "zenithal", [200, 200],
        sky("SIN", (0.0, -90.0), (100.5, 100.5), (-0.02, 0.02), extra=icrs), "reference point at the south pole")
    add("arc", "zenithal", [200, 200], sky("ARC", (10.0, 60.0), (100.5, 90.5), (-0.1, 0.1), extra=icrs))
    add("zea", "zenithal", [300, 300], sky("ZEA", (266.4, -28.9), (150.5, 150.5), (-0.2, 0.2), extra=icrs))
    add("zea-lonpole", "zenithal", [300, 200],
        sky("ZEA", (120.0, 10.0), (150.5, 100.5), (-0.1, 0.1), extra=[("LONPOLE", 150.0)] + icrs))
    add("stg", "zenithal", [300, 300], sky("STG", (30.0, -60.0), (150.5, 150.5), (-0.15, 0.15), extra=icrs))
    add("zpn", "zenithal", [400, 400],
        sky("ZPN", (83.6, 22.0), (200.5, 200.5), (-0.1, 0.1),
            extra=[("PV2_0", 0.0), ("PV2_1", 1.0), ("PV2_2", 0.0), ("PV2_3", -0.2), ("PV2_5", 0.01)] + icrs),
        "ZPN of degree 5: the pixel-to-sky direction solves the polynomial")
    add("zpn-quadratic", "zenithal", [200, 200],
        sky("ZPN", (150.0, 30.0), (100.5, 100.5), (-0.1, 0.1),
            extra=[("PV2_1", 1.0), ("PV2_2", 0.05)] + icrs))
    # Cylindrical: CAR, with the two-solution case of the celestial pole.
    add("car-oblique", "cylindrical", [200, 100],
        sky("CAR", (30.0, 40.0), (100.5, 50.5), (-0.05, 0.05), extra=icrs),
        "theta0 = 0 with CRVAL2 = 40: two poles fit, LATPOLE (default +90) picks one")
    add("car-latpole-south", "cylindrical", [200, 100],
        sky("CAR", (30.0, 40.0), (100.5, 50.5), (-0.05, 0.05), extra=[("LATPOLE", -90.0)] + icrs),
        "the other solution for the celestial pole")
    add("car-lonpole", "cylindrical", [200, 100],
        sky("CAR", (75.0, -20.0), (100.5, 50.5), (-0.05, 0.05), extra=[("LONPOLE", 120.0)] + icrs))
    add("car-galactic-plane", "cylindrical", [720, 120],
        sky("CAR", (0.0, 0.0), (360.5, 60.5), (-0.25, 0.25), lng="GLON", lat="GLAT"))
    add("car-pv-theta0", "cylindrical", [200, 100],
        sky("CAR", (120.0, 50.0), (100.5, 50.5), (-0.05, 0.05), extra=[("PV1_1", 0.0), ("PV1_2", 30.0)] + icrs),
        "PV1_2 moves the fiducial point to native latitude 30 (no plane offset: PV1_0 absent)")
    # Pseudo-cylindrical and conventional: MOL, AIT.
    add("ait-field", "pseudo-cylindrical", [100, 100],
        sky("AIT", (266.4, -28.9), (50.5, 50.5), (-0.2, 0.2), extra=icrs))
    add("ait-allsky-galactic", "pseudo-cylindrical", [360, 180],
        sky("AIT", (0.0, 0.0), (180.5, 90.5), (-1.0, 1.0), lng="GLON", lat="GLAT"),
        "corners of an all-sky map lie outside the ellipse: no footprint")
    add("mol-field", "pseudo-cylindrical", [120, 80],
        sky("MOL", (10.0, 41.0), (60.5, 40.5), (-0.25, 0.25), extra=icrs))
    add("mol-allsky", "pseudo-cylindrical", [360, 180],
        sky("MOL", (180.0, 0.0), (180.5, 90.5), (-1.0, 1.0), extra=icrs))
    add("ait-pv-offset", "pseudo-cylindrical", [120, 80],
        sky("AIT", (300.0, -40.0), (60.5, 40.5), (-0.2, 0.2),
            extra=[("PV1_0", 1.0), ("PV1_1", 0.0), ("PV1_2", 20.0)] + icrs),
        "PV1_0 = 1: the plane is offset so that the fiducial point (0, 20) sits at the reference pixel")
    # Frames.
    base = sky("TAN", (150.0, 30.0), (100.5, 100.5), (-1.0e-3, 1.0e-3))
    add("frame-fk5-j1975", "frame", [200, 200], base + [("RADESYS", "FK5"), ("EQUINOX", 1975.0)])
    add("frame-fk5-default-equinox", "frame", [200, 200], base + [("RADESYS", "FK5")])
    add("frame-equinox-2000-only", "frame", [200, 200], base + [("EQUINOX", 2000.0)])
    add("frame-fk4-b1950", "frame", [200, 200], base + [("RADESYS", "FK4"), ("EQUINOX", 1950.0)])
    add("frame-fk4-b1900", "frame", [200, 200], base + [("RADESYS", "FK4"), ("EQUINOX", 1900.0)])
    add("frame-equinox-1950-only", "frame", [200, 200], base + [("EQUINOX", 1950.0)])
    add("frame-epoch-1950", "frame", [200, 200], base + [("EPOCH", 1950.0)], "EPOCH stands for EQUINOX")
    add("frame-fk4-no-e", "frame", [200, 200], base + [("RADESYS", "FK4-NO-E"), ("EQUINOX", 1950.0)])
    add("frame-icrs-default", "frame", [200, 200], base)
    add("frame-radecsys", "frame", [200, 200], base + [("RADECSYS", "FK5"), ("EQUINOX", 1990.0)],
        "the old name of RADESYS")
    add("frame-galactic", "frame", [200, 200],
        sky("TAN", (30.0, 5.0), (100.5, 100.5), (-1.0e-3, 1.0e-3), lng="GLON", lat="GLAT"))
    add("frame-galactic-sin", "frame", [200, 200],
        sky("SIN", (359.9, -0.05), (100.5, 100.5), (-2.0e-3, 2.0e-3), lng="GLON", lat="GLAT"))
    add("frame-ecliptic", "frame", [200, 200],
        sky("TAN", (100.0, 20.0), (100.5, 100.5), (-1.0e-3, 1.0e-3), lng="ELON", lat="ELAT"))
    add("frame-ecliptic-j2010", "frame", [200, 200],
        sky("TAN", (250.0, -60.0), (100.5, 100.5), (-1.0e-3, 1.0e-3), lng="ELON", lat="ELAT",
            extra=[("EQUINOX", 2010.0)]))
    # SIP.
    sip_lin = [("CTYPE1", "RA---TAN-SIP"), ("CTYPE2", "DEC--TAN-SIP"), ("CRVAL1", 53.1), ("CRVAL2", -27.8),
               ("CRPIX1", 1024.5), ("CRPIX2", 1000.0)] + rotation_cd(1.1e-4, 1.1e-4, -12.0) + icrs
    add("sip-ab", "sip", [2048, 2048], sip_lin + sip_cards(False, 2048, 2048, (1024.5, 1000.0)),
        "A/B only: sky to pixel by iterating the forward polynomials")
    add("sip-ab-apbp", "sip", [2048, 2048], sip_lin + sip_cards(True, 2048, 2048, (1024.5, 1000.0)),
        "AP/BP fitted over the image, as pipelines write them")
    add("sip-pc-cdelt", "sip", [1000, 800],
        [("CTYPE1", "RA---TAN-SIP"), ("CTYPE2", "DEC--TAN-SIP"), ("CRVAL1", 280.0), ("CRVAL2", 65.0),
         ("CRPIX1", 500.0), ("CRPIX2", 400.0), ("CDELT1", -2.0e-4), ("CDELT2", 2.0e-4),
         ("PC1_1", 0.98), ("PC1_2", 0.2), ("PC2_1", -0.2), ("PC2_2", 0.98), ("RADESYS", "FK5"), ("EQUINOX", 2000.0)]
        + sip_cards(False, 1000, 800, (500.0, 400.0)))
    # Axis layouts.
    add("cube-ra-dec-freq", "axes", [64, 64, 30],
        sky("SIN", (267.49, 70.157), (32.25, 32.75), (-3.3e-3, 3.3e-3),
            extra=[("CTYPE3", "FREQ"), ("CRVAL3", 1.42e9), ("CDELT3", 1.0e5), ("CRPIX3", 15.0), ("CUNIT3", "Hz")]
            + [("RADESYS", "FK5"), ("EQUINOX", 2000.0)]))
    add("cube-vrad-ra-dec", "axes", [40, 90, 70],
        [("CTYPE1", "VRAD"), ("CRVAL1", 1.5e3), ("CDELT1", 500.0), ("CRPIX1", 1.0), ("CUNIT1", "m/s"),
         ("CTYPE2", "RA---TAN"), ("CRVAL2", 5.0), ("CDELT2", -5.0e-3), ("CRPIX2", 45.5),
         ("CTYPE3", "DEC--TAN"), ("CRVAL3", -70.0), ("CDELT3", 5.0e-3), ("CRPIX3", 35.5)] + icrs,
        "celestial axes 2 and 3")
    add("cube-ra-freq-dec", "axes", [50, 20, 60],
        [("CTYPE1", "RA---TAN"), ("CRVAL1", 340.0), ("CDELT1", -2.0e-3), ("CRPIX1", 25.5),
         ("CTYPE2", "FREQ"), ("CRVAL2", 1.0e11), ("CDELT2", 1.0e6), ("CRPIX2", 10.0),
         ("CTYPE3", "DEC--TAN"), ("CRVAL3", 15.0), ("CDELT3", 2.0e-3), ("CRPIX3", 30.5),
         ("PC1_3", 0.1), ("PC3_1", -0.1)] + icrs,
        "celestial axes 1 and 3, rotated by PC1_3 and PC3_1 across the frequency axis")
    add("cube-4d-stokes", "axes", [100, 100, 16, 1],
        sky("TAN", (202.48, 47.23), (50.5, 50.5), (-1.0e-3, 1.0e-3),
            extra=[("CTYPE3", "FREQ"), ("CRVAL3", 1.4e9), ("CDELT3", 1.0e6), ("CRPIX3", 1.0),
                   ("CTYPE4", "STOKES"), ("CRVAL4", 1.0), ("CDELT4", 1.0), ("CRPIX4", 1.0)] + icrs))
    add("dec-ra-transposed", "axes", [120, 80],
        [("CTYPE1", "DEC--TAN"), ("CTYPE2", "RA---TAN"), ("CRVAL1", -45.0), ("CRVAL2", 80.0),
         ("CRPIX1", 60.5), ("CRPIX2", 40.5), ("CDELT1", 1.0e-3), ("CDELT2", -1.0e-3)] + icrs,
        "latitude on axis 1, longitude on axis 2")
    add("wcsaxes-above-naxis", "axes", [100, 100],
        [("WCSAXES", 3)] + sky("TAN", (10.0, 10.0), (50.5, 50.5), (-1.0e-3, 1.0e-3),
                               extra=[("CTYPE3", "FREQ"), ("CRVAL3", 1.0e9), ("CDELT3", 1.0), ("CRPIX3", 1.0)] + icrs))
    add("cunit-arcsec", "axes", [100, 100],
        sky("TAN", (150.0 * 3600, 2.0 * 3600), (50.5, 50.5), (-0.5, 0.5),
            extra=[("CUNIT1", "arcsec"), ("CUNIT2", "arcsec")] + icrs),
        "CRVAL and CDELT in arcseconds")
    add("linear-ra-dec", "linear", [20, 10],
        [("CTYPE1", "RA"), ("CTYPE2", "DEC"), ("CRVAL1", 24.56), ("CRVAL2", -42.67),
         ("CRPIX1", 10.5), ("CRPIX2", 5.5), ("CDELT1", -1.0e-3), ("CDELT2", 1.0e-3), ("EQUINOX", 2000.0)],
        "RA/DEC without a projection code: wcslib treats them as linear axes")
    return cases


# ---------------------------------------------------------------------------------------------
# Corpus

ORACLE_FIXES = {
    # astropy 5.2.1 cannot set up this AIPS spectral axis with VELREF = 2706; the celestial axes do
    # not depend on axis 3 (no PC coupling), so astropy is asked about the header with axis 3 renamed.
    ("fv_datacube.fit", 0): ({"CTYPE3": "VELO"}, "the oracle renames CTYPE3 'FELO-HEL' to 'VELO': astropy 5.2.1 "
                             "rejects FELO-HEL with VELREF = 2706, and the celestial axes do not depend on it"),
}


def corpus(src):
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if name.startswith(".") or name in ("SHA256SUMS", "README.md") or not os.path.isfile(path):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                hdul = fits.open(path)
            except Exception:  # noqa: BLE001 - not a FITS file astropy reads
                continue
            with hdul:
                for i, hdu in enumerate(hdul):
                    hdr = hdu.header
                    if not any(k.startswith("CTYPE") for k in hdr.keys()):
                        continue
                    hdr = hdr.copy()
                    fix = ORACLE_FIXES.get((name, i))
                    oracle = None
                    note = None
                    if fix:
                        oracle = hdr.copy()
                        for k, v in fix[0].items():
                            oracle[k] = v
                        note = fix[1]
                    yield (f"{name}-hdu{i}", f"corpus:{name}[{i}]", hdr, note, oracle)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    index = []
    for case, family, hdr, note in generated():
        index.append(write(dst, describe(case, "generated", hdr, family, note)))
    for case, source, hdr, note, oracle in corpus(src):
        index.append(write(dst, describe(case, source, hdr, "corpus", note, oracle)))
    with open(os.path.join(dst, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")


def write(dst, record):
    name = record["name"] + ".json"
    with open(os.path.join(dst, name), "w") as f:
        json.dump(record, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    print(name, "sky" if record.get("sky") else "no sky: " + record.get("astropyView", ""))
    return name


if __name__ == "__main__":
    main()
