package io.astrocloud.healpix;

import static io.astrocloud.healpix.HealpyGolden.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact geometry against independent checks: separations against astropy's
 * {@code angular_separation} (fixture), inside tests against ray casting in a gnomonic projection
 * (where great circles are straight lines), distances and overlaps against dense sampling of the
 * edges.
 */
class SkyGeometryTest {
    private final SplittableRandom random = new SplittableRandom(2026);

    @Test
    void angularDistanceAgreesWithAstropy() {
        double worst = 0;
        int pairs = 0;
        for (JsonNode p : read("separations.json").get("pairs")) {
            double ours = AngularDistance.degrees(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble(),
                    p.get(3).asDouble());
            worst = Math.max(worst, Math.abs(ours - p.get(4).asDouble()));
            pairs++;
        }
        System.out.printf("angular distance: %d pairs (tiny, antipodal, across RA=0, at the poles), largest difference"
                + " from astropy %.2e deg%n", pairs, worst);
        assertThat(worst).isLessThan(1e-11);
        assertThat(pairs).isGreaterThan(600);
    }

    @Test
    void insideTestAgreesWithRayCastingInTheGnomonicPlane() {
        int checked = 0;
        int inside = 0;
        for (int k = 0; k < 200; k++) {
            SkyPolygon polygon = randomPolygon();
            Vector3 centre = centroid(polygon);
            Vector3[] axes = tangentAxes(centre);
            List<Vector3> reversed = new ArrayList<>(polygon.vertices());
            java.util.Collections.reverse(reversed);
            SkyPolygon otherWayRound = SkyPolygon.of(reversed);
            double[][] plane = new double[polygon.vertices().size()][];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = gnomonic(polygon.vertices().get(i), centre, axes);
            }
            double reach = reach(polygon, centre);
            for (int i = 0; i < 500; i++) {
                Vector3 p = randomNear(centre, 1.3 * reach);
                if (polygon.distanceTo(p) < 1e-9 && !polygon.contains(p)) {
                    continue; // on the edge within rounding: either answer is right
                }
                boolean expected = p.dot(centre) > 0 && rayCastInside(gnomonic(p, centre, axes), plane);
                assertThat(polygon.contains(p)).as("%s holds %s", polygon, p).isEqualTo(expected);
                assertThat(otherWayRound.contains(p)).isEqualTo(expected);
                checked++;
                inside += expected ? 1 : 0;
            }
        }
        assertThat(inside).isBetween(checked / 10, checked * 9 / 10);
    }

    @Test
    void distanceToAPolygonAgreesWithDenseEdgeSampling() {
        for (int k = 0; k < 100; k++) {
            SkyPolygon polygon = randomPolygon();
            Vector3 centre = centroid(polygon);
            double reach = reach(polygon, centre);
            for (int i = 0; i < 40; i++) {
                Vector3 p = randomNear(centre, Math.min(Math.PI, 4 * reach));
                double exact = polygon.distanceTo(p);
                if (polygon.contains(p)) {
                    assertThat(exact).isZero();
                    continue;
                }
                Sampled sampled = sampledDistance(polygon, p, 1_000);
                assertThat(exact).as("%s from %s", polygon, p)
                        .isLessThanOrEqualTo(sampled.distance + 1e-12)
                        .isGreaterThanOrEqualTo(sampled.distance - sampled.step);
            }
        }
    }

    @Test
    void aFootprintOverlapsACircleExactlyWhenTheySharePoints() {
        int overlapping = 0;
        int total = 0;
        for (int k = 0; k < 100; k++) {
            SkyPolygon polygon = randomPolygon();
            Vector3 centre = centroid(polygon);
            double reach = reach(polygon, centre);
            for (int i = 0; i < 20; i++) {
                SkyCircle circle = new SkyCircle(randomNear(centre, 3 * reach), random.nextDouble() * 1.5 * reach);
                Sampled sampled = sampledDistance(polygon, circle.centre(), 1_000);
                boolean centreInside = polygon.contains(circle.centre());
                // brute force: the centre is inside, or some sampled edge point lies within the radius
                boolean bruteForce = centreInside || sampled.distance <= circle.radius();
                boolean ambiguous = !centreInside && Math.abs(sampled.distance - circle.radius()) <= sampled.step;
                if (!ambiguous) {
                    assertThat(polygon.overlaps(circle)).as("%s and %s", polygon, circle).isEqualTo(bruteForce);
                    total++;
                    overlapping += bruteForce ? 1 : 0;
                }
            }
        }
        assertThat(overlapping).isBetween(total / 10, total * 9 / 10);
    }

    @Test
    void aFootprintThatOnlyGrazesAConeOverlapsIt() {
        SkyPolygon footprint = SkyPolygon.ofRaDec(10, -1, 12, -1, 12, 1, 10, 1);
        SkyCircle grazing = SkyCircle.ofDegrees(13, 0, 1.01); // centre outside, reaches over the east edge
        SkyCircle fallsShort = SkyCircle.ofDegrees(13, 0, 0.99);
        SkyCircle around = SkyCircle.ofDegrees(11, 0, 10);
        SkyCircle inside = SkyCircle.ofDegrees(11, 0, 0.01);
        assertThat(footprint.contains(grazing.centre())).isFalse();
        assertThat(footprint.overlaps(grazing)).isTrue();
        assertThat(footprint.overlaps(fallsShort)).isFalse();
        assertThat(footprint.overlaps(around)).isTrue();
        assertThat(footprint.overlaps(inside)).isTrue();
        assertThat(grazing.overlaps(fallsShort)).isTrue();
        assertThat(SkyCircle.ofDegrees(0, 0, 1).overlaps(SkyCircle.ofDegrees(2.5, 0, 1.4))).isFalse();
    }

    @Test
    void polygonsAcrossRaZeroAndAroundAPoleHoldTheRightPoints() {
        SkyPolygon acrossZero = SkyPolygon.ofRaDec(359, -1, 1, -1, 1, 1, 359, 1);
        assertThat(acrossZero.contains(0, 0)).isTrue();
        assertThat(acrossZero.contains(359.5, 0.5)).isTrue();
        assertThat(acrossZero.contains(180, 0)).isFalse();
        assertThat(acrossZero.contains(2, 0)).isFalse();
        SkyPolygon aroundPole = SkyPolygon.ofRaDec(0, 85, 90, 85, 180, 85, 270, 85);
        assertThat(aroundPole.contains(0, 90)).isTrue();
        // the edges are great circles: between two vertices at Dec 85° they bulge to Dec 86.46° (RA 45°)
        assertThat(aroundPole.contains(0, 85.2)).isTrue();
        assertThat(aroundPole.contains(45, 86.6)).isTrue();
        assertThat(aroundPole.contains(45, 86.3)).isFalse();
        assertThat(aroundPole.contains(0, -90)).isFalse();
        assertThat(Math.toDegrees(aroundPole.distanceTo(Vector3.ofRaDec(0, 80)))).isCloseTo(5,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    // ------------------------------------------------------------------ brute force

    private record Sampled(double distance, double step) {
    }

    /** The smallest angle from p to points spaced along every edge, and the spacing. */
    private static Sampled sampledDistance(SkyPolygon polygon, Vector3 p, int samples) {
        List<Vector3> vs = polygon.vertices();
        double best = Math.PI;
        double step = 0;
        for (int i = 0; i < vs.size(); i++) {
            Vector3 a = vs.get(i);
            Vector3 b = vs.get((i + 1) % vs.size());
            double length = a.angleTo(b);
            step = Math.max(step, length / samples);
            Vector3 towardsB = b.minus(a.times(a.dot(b))).normalized();
            for (int s = 0; s <= samples; s++) {
                double t = length * s / samples;
                Vector3 q = a.times(Math.cos(t)).plus(towardsB.times(Math.sin(t)));
                best = Math.min(best, p.angleTo(q));
            }
        }
        return new Sampled(best, step);
    }

    private static boolean rayCastInside(double[] p, double[][] polygon) {
        boolean inside = false;
        for (int i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
            double[] a = polygon[i];
            double[] b = polygon[j];
            if ((a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double[] gnomonic(Vector3 p, Vector3 centre, Vector3[] axes) {
        double d = p.dot(centre);
        return new double[] {p.dot(axes[0]) / d, p.dot(axes[1]) / d};
    }

    private static Vector3[] tangentAxes(Vector3 centre) {
        Vector3 u = centre.cross(Math.abs(centre.z()) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0)).normalized();
        return new Vector3[] {u, centre.cross(u)};
    }

    static Vector3 centroid(SkyPolygon polygon) {
        Vector3 sum = new Vector3(0, 0, 0);
        for (Vector3 v : polygon.vertices()) {
            sum = sum.plus(v);
        }
        return sum.normalized();
    }

    private static double reach(SkyPolygon polygon, Vector3 centre) {
        double reach = 0;
        for (Vector3 v : polygon.vertices()) {
            reach = Math.max(reach, centre.angleTo(v));
        }
        return reach;
    }

    private Vector3 randomNear(Vector3 centre, double radius) {
        Vector3[] axes = tangentAxes(centre);
        double z = 1 - random.nextDouble() * (1 - Math.cos(radius));
        double r = Math.sqrt(Math.max(0, 1 - z * z));
        double a = random.nextDouble() * 2 * Math.PI;
        return centre.times(z).plus(axes[0].times(r * Math.cos(a))).plus(axes[1].times(r * Math.sin(a)));
    }

    /** A TAN-image quadrilateral or a regular polygon, 1 arcmin to 40 degrees across, anywhere (poles and RA=0 too). */
    private SkyPolygon randomPolygon() {
        Vector3 centre = random.nextInt(10) == 0
                ? Vector3.ofRaDec(random.nextDouble() * 360, random.nextBoolean() ? 89.9 : -89.9)
                : randomNear(new Vector3(0, 0, 1), Math.PI);
        double size = Math.toRadians(Math.pow(10, -1.8 + random.nextDouble() * 3.4));
        int n = random.nextInt(3) == 0 ? 3 + random.nextInt(6) : 4;
        Vector3[] axes = tangentAxes(centre);
        double turn = random.nextDouble() * 2 * Math.PI;
        List<Vector3> vertices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = turn + 2 * Math.PI * i / n + (n == 4 ? random.nextDouble() * 0.3 : 0);
            double t = Math.tan(size / 2) * (n == 4 ? 1 + 0.5 * random.nextDouble() : 1);
            vertices.add(centre.plus(axes[0].times(t * Math.cos(a))).plus(axes[1].times(t * Math.sin(a))).normalized());
        }
        return SkyPolygon.of(vertices);
    }
}
