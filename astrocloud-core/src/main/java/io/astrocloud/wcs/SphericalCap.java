package io.astrocloud.wcs;

import java.util.ArrayList;
import java.util.List;

/**
 * A circle on the sphere: a centre (unit vector) and an angular radius in degrees, and the
 * smallest one around a few points. The smallest cap touches two of the points (diametrically)
 * or three; with four corners every candidate, on either side of the sphere, is tried.
 */
record SphericalCap(double[] centre, double radius) {
    private static final double SLACK = 1e-12;

    /** The smallest cap containing every point (unit vectors). */
    static SphericalCap around(List<double[]> points) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double[] mid = Vectors.plus(points.get(i), points.get(j));
                candidates.add(mid);
                candidates.add(Vectors.scaled(mid, -1.0));
                for (int k = j + 1; k < points.size(); k++) {
                    double[] normal = Vectors.cross(Vectors.minus(points.get(j), points.get(i)),
                        Vectors.minus(points.get(k), points.get(i)));
                    candidates.add(normal);
                    candidates.add(Vectors.scaled(normal, -1.0));
                }
            }
        }
        if (points.size() == 1) {
            candidates.add(points.get(0));
        }
        SphericalCap best = null;
        for (double[] candidate : candidates) {
            double norm = Vectors.norm(candidate);
            if (!(norm > 1e-15)) {
                continue;
            }
            double[] centre = Vectors.scaled(candidate, 1.0 / norm);
            double radius = 0.0;
            for (double[] p : points) {
                radius = Math.max(radius, Vectors.separation(centre, p));
            }
            if (best == null || radius < best.radius - SLACK) {
                best = new SphericalCap(centre, radius);
            }
        }
        return best;
    }
}
