package io.astrocloud.wcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an HDU's pixel grid lies on the sky, in ICRS: the four outer corners of the grid (pixel
 * edges 0.5 and NAXISn + 0.5 along the celestial pixel axes, as astropy's
 * {@code WCS.calc_footprint(center=False)}), and the smallest circle around them, whose centre
 * and diameter are ObsCore's {@code s_ra}, {@code s_dec} and {@code s_fov}: a cone of radius
 * {@code fovDeg / 2} around {@link #center()} holds the whole footprint, which is what a search
 * by position needs. (It is not the sky position of the central pixel: for a distorted or very
 * wide field the two differ.)
 *
 * @param corners the corners in STC-S order: counter-clockwise as seen from inside the celestial
 *                sphere with east to the left (north up), i.e. the region is on the left of each
 *                edge walked on the sky, as STC 1.30 defines polygons; the first corner is astropy's
 *                first (pixel 0.5, 0.5)
 * @param center  centre of the smallest circle around the corners
 * @param fovDeg  that circle's diameter, degrees
 */
public record Footprint(List<SkyPosition> corners, SkyPosition center, double fovDeg) {

    public Footprint {
        corners = List.copyOf(corners);
    }

    /** The footprint of corners in any order around the polygon (astropy's order, say). */
    static Footprint of(List<SkyPosition> corners) {
        List<double[]> vectors = new ArrayList<>();
        for (SkyPosition c : corners) {
            vectors.add(Vectors.of(c.ra(), c.dec()));
        }
        SphericalCap cap = SphericalCap.around(vectors);
        SkyPosition centre = new SkyPosition(Vectors.longitude(cap.centre()), Vectors.latitude(cap.centre()));
        // Counter-clockwise seen from outside the sphere makes the summed edge normals point out of it, at
        // the centre; STC-S wants the opposite (seen from inside), so such a walk is reversed.
        double[] normal = {0, 0, 0};
        for (int i = 0; i < vectors.size(); i++) {
            normal = Vectors.plus(normal, Vectors.cross(vectors.get(i), vectors.get((i + 1) % vectors.size())));
        }
        List<SkyPosition> ordered = new ArrayList<>(corners);
        if (Vectors.dot(normal, cap.centre()) > 0.0) {
            for (int i = 1; i < corners.size(); i++) {
                ordered.set(i, corners.get(corners.size() - i));
            }
        }
        return new Footprint(ordered, centre, 2.0 * cap.radius());
    }

    /** ObsCore's {@code s_region}: {@code POLYGON ICRS ra1 dec1 ra2 dec2 ...} in degrees. */
    public String stcs() {
        StringBuilder s = new StringBuilder("POLYGON ICRS");
        for (SkyPosition c : corners) {
            s.append(' ').append(degrees(c.ra())).append(' ').append(degrees(c.dec()));
        }
        return s.toString();
    }

    /** Nine decimals (a few micro-arcseconds), trailing zeros dropped. */
    private static String degrees(double value) {
        String s = String.format(Locale.ROOT, "%.9f", value);
        int end = s.length();
        while (s.charAt(end - 1) == '0' && s.charAt(end - 2) != '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0.0") ? "0.0" : s;
    }
}
