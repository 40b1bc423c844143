#!/usr/bin/python3
"""Writes the HEALPix golden fixtures that astrocloud-core's io.astrocloud.healpix tests read.

The oracle is healpy (Debian's python3-healpy 1.16.1, which wraps HEALPix C++ 3.80) and, for angular
separations, astropy (Debian's python3-astropy 5.2.1). Run it with Debian's interpreter:

    /usr/bin/python3 oracles/make_healpix_golden.py

It writes, into astrocloud-core/src/test/resources/golden/healpix/:
  ang2pix.json      ang2pix(nest=True, lonlat=True) of edge and random positions at orders 0..29,
                    and vec2pix(nest=True) of vectors
  cells.json        pix2ang, pix2vec, boundaries(step=1), get_all_neighbours (nest=True) of cells at
                    orders 0..29, boundaries(step>1) of a few, and max_pixrad per order
  queries.json      query_disc and query_polygon (inclusive=True, nest=True) with the fact used,
                    as sorted [start, end) ranges of nested indices, and polygons healpy refuses
  separations.json  astropy.coordinates.angular_separation of pairs of positions

Every number is written with Python's repr (shortest round-trip form), so the Java side reads the
same doubles healpy was given. The random draws use a fixed seed: running the script again
rewrites identical files.
"""

import contextlib
import json
import math
import os
import tempfile
from pathlib import Path

import astropy
import healpy as hp
import numpy as np
from astropy.coordinates import angular_separation

OUT = Path(__file__).resolve().parent.parent / "astrocloud-core/src/test/resources/golden/healpix"
MAX_ORDER = 29
SEED = 20261202
DEFAULT_FACT = 4

rng = np.random.default_rng(SEED)


def generator():
    return {
        "script": "oracles/make_healpix_golden.py",
        "healpy": hp.__version__,
        "astropy": astropy.__version__,
        "numpy": np.__version__,
        "seed": SEED,
    }


def write(name, content):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with open(path, "w") as out:
        json.dump(content, out, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def floats(values):
    return [float(v) for v in values]


def random_positions(n):
    ra = rng.uniform(0.0, 360.0, n)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    return list(zip(floats(ra), floats(dec)))


# ---------------------------------------------------------------- ang2pix

def edge_positions():
    """Positions where the nested index is hardest to get right: poles, RA wrap, face boundaries."""
    z_boundary = math.degrees(math.asin(2.0 / 3.0))  # polar cap / equatorial belt boundary
    sth_switch = 90.0 - math.degrees(0.01)  # theta = 0.01: healpy switches to sin(theta)
    out = []
    for ra in (0.0, 45.0, 123.456, 359.999999, 360.0):
        out.append(("north pole", ra, 90.0))
        out.append(("south pole", ra, -90.0))
    for d in (1e-12, 1e-10, 1e-7, 1e-4, 0.001, 0.3):
        for ra in (0.0, 10.0, 45.0, 89.999, 180.0, 300.5):
            out.append(("near north pole", ra, 90.0 - d))
            out.append(("near south pole", ra, -90.0 + d))
    for ra in (0.0, 33.3, 135.0, 250.0):
        for d in (-1e-9, 0.0, 1e-9):
            out.append(("theta 0.01 switch", ra, sth_switch + d))
            out.append(("theta pi-0.01 switch", ra, -sth_switch + d))
    for ra in (0.0, 360.0, 1e-13, -1e-13, -0.0, 359.9999999999, 720.5, -45.0, -359.0, 1080.0):
        for dec in (0.0, 12.5, -60.0, 85.0):
            out.append(("ra wrap", ra, dec))
    for k in range(16):
        ra = 22.5 * k
        out.append(("equator", ra, 0.0))
        out.append(("equator + 1e-12", ra, 1e-12))
        out.append(("equator - 1e-12", ra, -1e-12))
        for dec in (z_boundary, -z_boundary):
            out.append(("z = 2/3 boundary", ra, dec))
            out.append(("z = 2/3 boundary + 1e-10", ra + 3.7, dec + 1e-10))
            out.append(("z = 2/3 boundary - 1e-10", ra + 3.7, dec - 1e-10))
    for k in range(8):
        for dec in (-75.0, -41.0, -20.0, 0.0, 20.0, 41.0, 60.0, 89.0):
            out.append(("face meridian", 45.0 * k, dec))
            out.append(("face meridian + 1e-11", 45.0 * k + 1e-11, dec))
    # cell corners and centres: positions that sit exactly on (or at the middle of) cell edges
    for order in (1, 2, 3, 5, 8, 13, 20, 29):
        nside = 1 << order
        for pix in rng.integers(0, 12 * nside * nside, 3):
            corners = hp.boundaries(nside, int(pix), step=1, nest=True)
            lon, lat = hp.vec2ang(corners.T, lonlat=True)
            for i in range(4):
                out.append((f"corner of order {order} cell", float(lon[i]), float(lat[i])))
            lon, lat = hp.pix2ang(nside, int(pix), nest=True, lonlat=True)
            out.append((f"centre of order {order} cell", float(lon), float(lat)))
    return out


def ang2pix_fixture():
    positions = edge_positions() + [("random", ra, dec) for ra, dec in random_positions(400)]
    orders = list(range(MAX_ORDER + 1))
    entries = []
    for label, ra, dec in positions:
        pix = [int(hp.ang2pix(1 << o, ra, dec, nest=True, lonlat=True)) for o in orders]
        entries.append({"label": label, "ra": ra, "dec": dec, "pix": pix})
    vectors = [("axis", v) for v in ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1),
                                     (0, 0, -1), (1, 1, 0), (-1, -1, 0), (1, 1, 1), (1, -1, -1),
                                     (0, 1e-300, 1))]
    for nz in (0.99, -0.99, 2.0 / 3.0, -2.0 / 3.0):
        for dz in (-1e-15, 0.0, 1e-15):
            z = nz + dz
            vectors.append(("z near a switch", (math.sqrt(1 - z * z), 0.0, z)))
    for _ in range(120):
        v = rng.normal(size=3)
        vectors.append(("random unit", tuple(floats(v / np.linalg.norm(v)))))
    for _ in range(40):
        vectors.append(("random, not normalised", tuple(floats(rng.normal(size=3) * 3.7))))
    vec_entries = []
    for label, v in vectors:
        v = floats(v)
        pix = [int(hp.vec2pix(1 << o, v[0], v[1], v[2], nest=True)) for o in orders]
        vec_entries.append({"label": label, "vector": v, "pix": pix})
    write("ang2pix.json", {"generator": generator(), "orders": orders,
                           "positions": entries, "vectors": vec_entries})


# ---------------------------------------------------------------- cells

def special_cells(order):
    """The corner and edge-middle cells of every base pixel (face): where neighbours are missing."""
    nside = 1 << order
    last = nside - 1
    mid = nside // 2
    xs, ys, fs = [], [], []
    for face in range(12):
        for x, y in ((0, 0), (0, last), (last, 0), (last, last), (mid, 0), (last, mid)):
            xs.append(x)
            ys.append(y)
            fs.append(face)
    return sorted({int(p) for p in hp.xyf2pix(nside, xs, ys, fs, nest=True)})


def cells_fixture():
    cells = []
    for order in range(MAX_ORDER + 1):
        nside = 1 << order
        npix = 12 * nside * nside
        if npix <= 192:
            pixels = list(range(npix))
        else:
            pixels = sorted(set(special_cells(order))
                            | {int(p) for p in rng.integers(0, npix, 16)}
                            | {0, npix - 1})
        for pix in pixels:
            theta, phi = hp.pix2ang(nside, pix, nest=True)
            vec = hp.pix2vec(nside, pix, nest=True)
            corners = hp.boundaries(nside, pix, step=1, nest=True).T
            neighbours = hp.get_all_neighbours(nside, pix, nest=True)
            cells.append({
                "order": order, "pix": pix, "theta": float(theta), "phi": float(phi),
                "vector": floats(vec), "corners": [floats(c) for c in corners],
                "neighbours": [int(n) for n in neighbours],
            })
    stepped = []
    for order, step in ((0, 2), (0, 5), (2, 3), (6, 4), (11, 7), (29, 3)):
        nside = 1 << order
        for pix in {0, 12 * nside * nside - 1, int(rng.integers(0, 12 * nside * nside))}:
            points = hp.boundaries(nside, pix, step=step, nest=True).T
            stepped.append({"order": order, "pix": pix, "step": step,
                            "points": [floats(p) for p in points]})
    max_pixrad = [float(hp.max_pixrad(1 << o)) for o in range(MAX_ORDER + 1)]
    write("cells.json", {"generator": generator(), "max_pixrad": max_pixrad,
                         "cells": cells, "boundaries": stepped})


# ---------------------------------------------------------------- queries

def to_ranges(pixels):
    """Sorted pixel numbers as [start, end) ranges of consecutive numbers."""
    ranges = []
    for p in (int(x) for x in pixels):
        if ranges and ranges[-1][1] == p:
            ranges[-1][1] = p + 1
        else:
            ranges.append([p, p + 1])
    return ranges


def vector(ra, dec):
    return floats(hp.ang2vec(ra, dec, lonlat=True))


def tan_footprint(ra, dec, width, height, rotation):
    """Corners of a width x height degree image centred on (ra, dec), its axes turned by rotation
    degrees east of north: the sky quadrilateral of a gnomonic (TAN) image, whose edges are great
    circles because straight lines of the tangent plane are."""
    centre = np.array(hp.ang2vec(ra, dec, lonlat=True))
    a = math.radians(ra)
    d = math.radians(dec)
    east = np.array([-math.sin(a), math.cos(a), 0.0])
    north = np.array([-math.sin(d) * math.cos(a), -math.sin(d) * math.sin(a), math.cos(d)])
    hx = math.tan(math.radians(width) / 2)
    hy = math.tan(math.radians(height) / 2)
    r = math.radians(rotation)
    corners = []
    for x, y in ((hx, hy), (-hx, hy), (-hx, -hy), (hx, -hy)):
        xr = x * math.cos(r) - y * math.sin(r)
        yr = x * math.sin(r) + y * math.cos(r)
        v = centre + xr * east + yr * north
        lon, lat = hp.vec2ang(v / np.linalg.norm(v), lonlat=True)
        corners.append([float(lon[0]), float(lat[0])])
    return corners


def regular_polygon(ra, dec, radius, n, start):
    """n vertices on a small circle of radius degrees: a convex spherical polygon."""
    centre = np.array(hp.ang2vec(ra, dec, lonlat=True))
    a = math.radians(ra)
    d = math.radians(dec)
    east = np.array([-math.sin(a), math.cos(a), 0.0])
    north = np.array([-math.sin(d) * math.cos(a), -math.sin(d) * math.sin(a), math.cos(d)])
    rr = math.radians(radius)
    out = []
    for k in range(n):
        t = math.radians(start + 360.0 * k / n)
        v = math.cos(rr) * centre + math.sin(rr) * (math.cos(t) * north + math.sin(t) * east)
        lon, lat = hp.vec2ang(v, lonlat=True)
        out.append([float(lon[0]), float(lat[0])])
    return out


def polygon_cases():
    cases = []
    for ra, dec, rot in ((83.6, -5.4, 12.0), (301.2, 44.0, 0.0), (150.0, -70.0, 33.0)):
        cases.append(("TESS CCD 12 deg", tan_footprint(ra, dec, 12.0, 12.0, rot), range(3, 10)))
    cases.append(("TESS CCD containing the north pole",
                  tan_footprint(40.0, 86.0, 12.0, 12.0, 7.0), range(3, 10)))
    for ra, dec, rot in ((10.68, 41.27, 0.0), (201.365, -43.019, 57.0), (359.99, 0.01, 20.0)):
        cases.append(("cutout 2 arcmin", tan_footprint(ra, dec, 2 / 60, 2 / 60, rot),
                      range(6, 18)))
    cases.append(("cutout 2 arcmin on the north pole", tan_footprint(0.0, 90.0, 2 / 60, 2 / 60, 0.0),
                  range(6, 18)))
    for ra, dec, rot in ((189.2, 62.2, 15.0), (53.16, -27.79, 144.0)):
        cases.append(("HST field 2.7 arcmin", tan_footprint(ra, dec, 2.7 / 60, 2.7 / 60, rot),
                      range(6, 18)))
    cases.append(("field across RA=0", tan_footprint(359.7, -30.0, 1.0, 0.6, 25.0), range(5, 13)))
    cases.append(("field across RA=0 on the equator", tan_footprint(0.0, 0.0, 2.0, 2.0, 45.0),
                  range(4, 12)))
    cases.append(("field containing the south pole", tan_footprint(123.0, -88.5, 5.0, 4.0, -30.0),
                  range(3, 11)))
    cases.append(("field on a face corner", tan_footprint(45.0, math.degrees(math.asin(2 / 3)),
                                                          0.5, 0.5, 10.0), range(5, 13)))
    cases.append(("tiny field 1 arcsec", tan_footprint(270.0, 66.56, 1 / 3600, 1 / 3600, 3.0),
                  list(range(10, 21)) + [24, 26]))
    cases.append(("triangle 60 deg", regular_polygon(210.0, 20.0, 35.0, 3, 10.0), range(0, 6)))
    cases.append(("pentagon 5 deg", regular_polygon(5.0, -45.0, 5.0, 5, 0.0), range(3, 10)))
    cases.append(("octagon 1 deg at the south pole", regular_polygon(0.0, -90.0, 1.0, 8, 11.0),
                  range(4, 12)))
    quad = tan_footprint(120.0, 15.0, 3.0, 1.0, 80.0)
    cases.append(("quadrilateral given clockwise", quad[::-1], range(4, 11)))
    return cases


def disc_cases():
    cases = []
    radii = [(1 / 3600, range(10, 21)), (2 / 60, range(6, 17)), (1.0, range(3, 12)),
             (6.0, range(1, 9)), (30.0, range(0, 6)), (100.0, range(0, 4)), (180.0, (0, 2))]
    centres = [("north pole", 0.0, 90.0), ("south pole", 200.0, -90.0), ("RA=0", 0.0, 12.0),
               ("RA=359.9", 359.9, -30.0), ("equator on a face corner", 45.0, 0.0),
               ("z=2/3", 90.0, math.degrees(math.asin(2 / 3)))]
    centres += [("random", ra, dec) for ra, dec in random_positions(4)]
    for label, ra, dec in centres:
        for radius, orders in radii:
            for order in orders:
                cases.append((f"disc r={radius:.6g} deg at {label}", ra, dec, radius, order, DEFAULT_FACT))
    for fact in (1, 2, 8, 16):
        for label, ra, dec in centres[:4]:
            cases.append((f"disc r=0.5 deg at {label}, fact {fact}", ra, dec, 0.5, 8, fact))
    cases.append(("disc r=10 mas, order 26", 33.0, 44.0, 0.01 / 3600, 26, 8))
    cases.append(("disc r=1 mas, order 27 (fact 4 tests order 29)", 250.0, -10.0, 0.001 / 3600, 27, 4))
    return cases


@contextlib.contextmanager
def captured_stderr():
    """HEALPix C++ prints the reason of a refusal on file descriptor 2; healpy raises only
    RuntimeError('Unknown exception')."""
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+") as tmp:
        os.dup2(tmp.fileno(), 2)
        captured = {}
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            captured["text"] = tmp.read()


def queries_fixture():
    discs = []
    for label, ra, dec, radius, order, fact in disc_cases():
        vec = vector(ra, dec)
        pixels = hp.query_disc(1 << order, vec, math.radians(radius), inclusive=True,
                               fact=fact, nest=True)
        discs.append({"label": label, "ra": ra, "dec": dec, "vector": vec,
                      "radius": math.radians(radius), "order": order, "fact": fact,
                      "count": int(len(pixels)), "ranges": to_ranges(pixels)})
    polygons = []
    for label, corners, orders in polygon_cases():
        vertices = [vector(ra, dec) for ra, dec in corners]
        for order in orders:
            fact = DEFAULT_FACT if order + 2 <= MAX_ORDER else 1
            pixels = hp.query_polygon(1 << order, vertices, inclusive=True, fact=fact, nest=True)
            polygons.append({"label": label, "radec": corners, "vertices": vertices,
                             "order": order, "fact": fact, "count": int(len(pixels)),
                             "ranges": to_ranges(pixels)})
    refused = []
    for label, corners in (
            ("concave quadrilateral (arrowhead)", [[10, 20], [14, 20], [12, 21], [12, 24]]),
            ("self-intersecting quadrilateral (bow tie)", [[10, 20], [12, 20], [10, 22], [12, 22]]),
            ("concave pentagon", [[10, 20], [12, 20], [11.5, 21], [12, 22], [10, 22]]),
            ("repeated vertex", [[10, 20], [12, 20], [12, 20], [10, 22]]),
            ("three vertices on one great circle", [[0, 0], [10, 0], [20, 0], [10, 10]])):
        vertices = [vector(ra, dec) for ra, dec in corners]
        with captured_stderr() as err:
            try:
                hp.query_polygon(64, vertices, inclusive=True, nest=True)
                raise SystemExit(f"healpy accepted the polygon meant to be refused: {label}")
            except RuntimeError:
                pass
        reason = [line for line in err["text"].splitlines() if line.strip()][-1]
        refused.append({"label": label, "radec": corners, "vertices": vertices,
                        "healpy_reason": reason})
    write("queries.json", {"generator": generator(), "default_fact": DEFAULT_FACT,
                           "discs": discs, "polygons": polygons, "refused": refused})


# ---------------------------------------------------------------- separations

def separations_fixture():
    pairs = []
    a = random_positions(200)
    b = random_positions(200)
    pairs += [(p, q) for p, q in zip(a, b)]
    for (ra, dec) in random_positions(60):
        for d in (1e-9, 1e-6, 1 / 3600, 0.5):
            pairs.append(((ra, dec), (ra + d, max(-90.0, min(90.0, dec - d)))))
        antipode = ((ra + 180.0) % 360.0, -dec)
        pairs.append(((ra, dec), antipode))
        pairs.append(((ra, dec), (antipode[0] + 1e-7, antipode[1])))
        pairs.append(((ra, dec), (ra, dec)))
    pairs += [((359.9999, 10.0), (0.0001, 10.0)), ((0.0, 90.0), (180.0, 89.0)),
              ((10.0, -90.0), (250.0, -90.0)), ((0.0, 0.0), (180.0, 0.0)),
              ((-10.0, 5.0), (350.0, 5.0))]
    out = []
    for (ra1, dec1), (ra2, dec2) in pairs:
        sep = angular_separation(math.radians(ra1), math.radians(dec1),
                                 math.radians(ra2), math.radians(dec2))
        out.append([float(ra1), float(dec1), float(ra2), float(dec2), math.degrees(float(sep))])
    write("separations.json", {"generator": generator(),
                               "columns": ["ra1", "dec1", "ra2", "dec2", "separation_deg"],
                               "pairs": out})


if __name__ == "__main__":
    ang2pix_fixture()
    cells_fixture()
    queries_fixture()
    separations_fixture()
