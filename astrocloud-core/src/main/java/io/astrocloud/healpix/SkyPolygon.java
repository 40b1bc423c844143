package io.astrocloud.healpix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A convex polygon on the sky whose edges are great-circle arcs, such as the footprint of an image
 * through its WCS (the four corners of a TAN image). Vertices may run either way round; the
 * polygon is the convex side, smaller than a hemisphere.
 *
 * <p>Concave and self-intersecting polygons are refused with an error that names the vertex at
 * fault (HEALPix C++ and healpy refuse them too): their coverage and inside test would need a
 * decomposition into convex parts. A last vertex that repeats the first (a closed ring) is dropped.
 */
public final class SkyPolygon implements SkyRegion {
    /** Three vertices closer to one great circle than this (sine of the angle) make a corner of no size. */
    private static final double DEGENERATE = 1e-10;

    private final List<Vector3> vertices;
    private final Vector3[] normals;

    private SkyPolygon(List<Vector3> vertices, Vector3[] normals) {
        this.vertices = vertices;
        this.normals = normals;
    }

    /** The polygon of vertices given as right ascension, declination pairs in degrees. */
    public static SkyPolygon ofRaDec(double... raDecPairs) {
        if (raDecPairs.length % 2 != 0) {
            throw new IllegalArgumentException("polygon vertices need RA and Dec pairs, got " + raDecPairs.length + " numbers");
        }
        List<Vector3> vertices = new ArrayList<>();
        for (int i = 0; i < raDecPairs.length; i += 2) {
            vertices.add(Vector3.ofRaDec(raDecPairs[i], raDecPairs[i + 1]));
        }
        return of(vertices);
    }

    /**
     * The polygon of vertices given as directions (any non-zero length).
     *
     * @throws IllegalArgumentException when there are fewer than 3 distinct vertices, two
     *     consecutive vertices coincide or three lie on one great circle, or the polygon is
     *     concave or crosses itself
     */
    public static SkyPolygon of(List<Vector3> directions) {
        List<Vector3> vs = new ArrayList<>(directions.size());
        for (Vector3 d : directions) {
            vs.add(Pointing.ofVector(d).toVector()); // unit vectors, as HEALPix C++ makes them
        }
        if (vs.size() > 3 && vs.get(0).equals(vs.get(vs.size() - 1))) {
            vs.remove(vs.size() - 1);
        }
        int n = vs.size();
        if (n < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + n);
        }
        Vector3[] normals = new Vector3[n];
        for (int i = 0; i < n; i++) {
            Vector3 a = vs.get(i);
            Vector3 b = vs.get((i + 1) % n);
            Vector3 cross = a.cross(b);
            if (!(cross.length() > DEGENERATE)) {
                throw refused("vertices " + describe(i, a) + " and " + describe((i + 1) % n, b)
                        + " coincide (or are opposite): an edge has no direction", vs);
            }
            normals[i] = cross.normalized();
        }
        int orientation = 0;
        for (int i = 0; i < n; i++) {
            double turn = normals[i].dot(vs.get((i + 2) % n));
            Vector3 corner = vs.get((i + 1) % n);
            if (!(Math.abs(turn) > DEGENERATE)) {
                throw refused("degenerate corner at " + describe((i + 1) % n, corner) + ": it lies on the great circle"
                        + " through its neighbours", vs);
            }
            if (i == 0) {
                orientation = turn < 0 ? -1 : 1;
            } else if (orientation * turn <= 0) {
                throw refused("not convex: the polygon turns the other way at " + describe((i + 1) % n, corner), vs);
            }
            normals[i] = normals[i].times(orientation);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i && j != (i + 1) % n && !(normals[i].dot(vs.get(j)) > 0)) {
                    throw refused("not convex or crosses itself: " + describe(j, vs.get(j)) + " lies outside the edge from "
                            + describe(i, vs.get(i)) + " to " + describe((i + 1) % n, vs.get((i + 1) % n)), vs);
                }
            }
        }
        return new SkyPolygon(List.copyOf(vs), normals);
    }

    /** The vertices as unit vectors, in the order given. */
    public List<Vector3> vertices() {
        return vertices;
    }

    @Override
    public boolean contains(Vector3 point) {
        for (Vector3 normal : normals) {
            if (normal.dot(point) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double distanceTo(Vector3 point) {
        if (contains(point)) {
            return 0;
        }
        Vector3 p = point.normalized();
        double nearest = Math.PI;
        int n = vertices.size();
        for (int i = 0; i < n; i++) {
            nearest = Math.min(nearest, distanceToEdge(p, vertices.get(i), vertices.get((i + 1) % n), normals[i]));
        }
        return nearest;
    }

    /** The unit normals of the edges' great circles, pointing inside (edge i runs from vertex i to i + 1). */
    Vector3[] edgeNormals() {
        return normals.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SkyPolygon[");
        for (int i = 0; i < vertices.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%.8f, %.8f)",
                    vertices.get(i).ra(), vertices.get(i).dec()));
        }
        return s.append(']').toString();
    }

    /** The distance from a unit vector to the arc from a to b on the great circle of normal n. */
    private static double distanceToEdge(Vector3 p, Vector3 a, Vector3 b, Vector3 n) {
        double height = p.dot(n);
        Vector3 foot = p.minus(n.times(height)); // p projected on the plane of the great circle
        Vector3 travel = a.cross(b);
        if (foot.length() > 0 && a.cross(foot).dot(travel) >= 0 && foot.cross(b).dot(travel) >= 0) {
            return Math.atan2(Math.abs(height), foot.length()); // the nearest point lies inside the arc
        }
        return Math.min(p.angleTo(a), p.angleTo(b));
    }

    private static String describe(int index, Vector3 v) {
        return String.format(Locale.ROOT, "vertex %d (RA %.8f°, Dec %.8f°)", index, v.ra(), v.dec());
    }

    private static IllegalArgumentException refused(String why, List<Vector3> vertices) {
        StringBuilder all = new StringBuilder();
        for (Vector3 v : vertices) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%.8f, %.8f)", v.ra(), v.dec()));
        }
        return new IllegalArgumentException("polygon refused, " + why + "; vertices (RA, Dec): " + all);
    }
}
