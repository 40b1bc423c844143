package io.astrocloud.healpix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A measurement for the design of the sky index, printed: how many cells typical footprints and
 * cones take, at one order (6..12) and as a multi-order coverage (maximum order 8..12), over
 * footprints placed at random on the sky with random rotations; and how many of the cells returned
 * really overlap the footprint (judged by sampling each boundary cell's edges), the price of
 * inclusive coverage with {@code fact} 4.
 */
class FootprintCellCountsTest {
    private static final int[] SINGLE_ORDERS = {6, 7, 8, 9, 10, 11, 12};
    private static final int[] MOC_ORDERS = {8, 9, 10, 11, 12};

    private record Shape(String name, int placements, int fact, Function<SplittableRandom, SkyRegion> place) {
    }

    private static final List<Shape> FOOTPRINTS = List.of(
            new Shape("stamp 2'x2'", 200, 4, r -> tanSquare(r, 2.0 / 60)),
            new Shape("HST field 2.7'x2.7'", 200, 4, r -> tanSquare(r, 2.7 / 60)),
            new Shape("TESS CCD 12x12 deg", 12, 4, r -> tanSquare(r, 12)),
            new Shape("stamp 2'x2', fact 32", 200, 32, r -> tanSquare(r, 2.0 / 60)),
            new Shape("HST 2.7'x2.7', fact 32", 200, 32, r -> tanSquare(r, 2.7 / 60)));
    private static final List<Shape> CONES = List.of(
            new Shape("cone r=0.5 deg", 100, 4, r -> new SkyCircle(randomDirection(r), Math.toRadians(0.5))),
            new Shape("cone r=1 deg", 100, 4, r -> new SkyCircle(randomDirection(r), Math.toRadians(1))));

    @Test
    void printsCellCountsOfFootprintsAndCones() {
        StringBuilder table = new StringBuilder();
        table.append("HEALPix cells per footprint, inclusive coverage (fact 4 unless said): mean / max over random")
                .append(" placements and rotations\n");
        header(table, "single order", SINGLE_ORDERS);
        for (Shape shape : FOOTPRINTS) {
            row(table, shape, SINGLE_ORDERS, Moc::cellCount, false);
        }
        header(table, "MOC, max order", MOC_ORDERS);
        for (Shape shape : FOOTPRINTS) {
            row(table, shape, MOC_ORDERS, moc -> moc.cells().size(), false);
        }
        header(table, "cones: cells", SINGLE_ORDERS);
        for (Shape shape : CONES) {
            row(table, shape, SINGLE_ORDERS, Moc::cellCount, false);
        }
        header(table, "cones: ranges", SINGLE_ORDERS);
        for (Shape shape : CONES) {
            row(table, shape, SINGLE_ORDERS, moc -> moc.rangeCount(), false);
        }
        header(table, "share of returned cells that overlap (sampled)", SINGLE_ORDERS);
        for (Shape shape : FOOTPRINTS) {
            row(table, shape, SINGLE_ORDERS, null, true);
        }
        for (Shape shape : CONES) {
            row(table, shape, SINGLE_ORDERS, null, true);
        }
        System.out.print(table);
    }

    private static void header(StringBuilder table, String title, int[] orders) {
        table.append(String.format(Locale.ROOT, "%n%-26s", title));
        for (int order : orders) {
            table.append(String.format(Locale.ROOT, "%18s", "order " + order));
        }
        table.append('\n');
    }

    private static void row(StringBuilder table, Shape shape, int[] orders, Function<Moc, Number> measure,
            boolean overlapShare) {
        table.append(String.format(Locale.ROOT, "%-26s", shape.name));
        for (int order : orders) {
            SplittableRandom random = new SplittableRandom(42); // the same placements at every order
            double sum = 0;
            double max = 0;
            long returned = 0;
            long overlapping = 0;
            int placements = overlapShare ? Math.min(shape.placements, 20) : shape.placements;
            for (int i = 0; i < placements; i++) {
                SkyRegion region = shape.place.apply(random);
                Moc moc = Coverage.inclusive(region, order, shape.fact);
                assertCovers(region, moc);
                if (overlapShare) {
                    returned += moc.cellCount();
                    overlapping += overlappingCells(region, moc);
                } else {
                    double value = measure.apply(moc).doubleValue();
                    sum += value;
                    max = Math.max(max, value);
                }
            }
            table.append(overlapShare
                    ? String.format(Locale.ROOT, "%18s", String.format(Locale.ROOT, "%.3f", (double) overlapping / returned))
                    : String.format(Locale.ROOT, "%18s", String.format(Locale.ROOT, "%.1f / %.0f", sum / placements, max)));
        }
        table.append('\n');
    }

    /** Inclusive coverage: every vertex's cell is in, and the cells cover at least the region's area. */
    private static void assertCovers(SkyRegion region, Moc moc) {
        Healpix grid = Healpix.order(moc.order());
        double cellArea = 4 * Math.PI / grid.npix();
        double area;
        if (region instanceof SkyPolygon polygon) {
            polygon.vertices().forEach(v -> assertThat(moc.contains(grid.vec2pix(v))).as("%s", polygon).isTrue());
            area = sphericalArea(polygon.vertices());
        } else {
            SkyCircle circle = (SkyCircle) region;
            assertThat(moc.contains(grid.vec2pix(circle.centre()))).isTrue();
            area = 2 * Math.PI * (1 - Math.cos(circle.radius()));
        }
        assertThat(moc.cellCount() * cellArea).as("area covered by %s", moc).isGreaterThanOrEqualTo(area);
        assertThat((long) moc.cells().size()).isLessThanOrEqualTo(moc.cellCount());
    }

    /** Girard: the sum of the interior angles minus (n − 2)π. */
    private static double sphericalArea(List<Vector3> vs) {
        int n = vs.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Vector3 prev = vs.get((i + n - 1) % n);
            Vector3 here = vs.get(i);
            Vector3 next = vs.get((i + 1) % n);
            Vector3 towardsPrev = here.cross(prev).cross(here);
            Vector3 towardsNext = here.cross(next).cross(here);
            sum += towardsPrev.angleTo(towardsNext);
        }
        return sum - (n - 2) * Math.PI;
    }

    /** Cells whose centre is inside count at once; the others are judged by 64 points along their edges. */
    private static long overlappingCells(SkyRegion region, Moc moc) {
        Healpix grid = Healpix.order(moc.order());
        List<Vector3> vertices = region instanceof SkyPolygon p ? p.vertices() : List.of(((SkyCircle) region).centre());
        List<Long> holdingAVertex = new ArrayList<>();
        for (Vector3 v : vertices) {
            holdingAVertex.add(grid.vec2pix(v));
        }
        return moc.pixels().filter(pix -> region.contains(grid.pix2vec(pix))
                || holdingAVertex.contains(pix)
                || edgeTouches(region, grid.boundaries(pix, 16))).count();
    }

    private static boolean edgeTouches(SkyRegion region, List<Vector3> boundary) {
        for (Vector3 p : boundary) {
            if (region.contains(p)) {
                return true;
            }
        }
        if (region instanceof SkyPolygon polygon) {
            List<Vector3> vs = polygon.vertices();
            for (int k = 0; k < boundary.size(); k++) {
                for (int i = 0; i < vs.size(); i++) {
                    if (arcsCross(boundary.get(k), boundary.get((k + 1) % boundary.size()), vs.get(i),
                            vs.get((i + 1) % vs.size()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean arcsCross(Vector3 a, Vector3 b, Vector3 c, Vector3 d) {
        Vector3 n1 = a.cross(b);
        Vector3 n2 = c.cross(d);
        Vector3 x = n1.cross(n2);
        if (x.length() == 0) {
            return false;
        }
        for (Vector3 candidate : new Vector3[] {x, x.times(-1)}) {
            if (a.cross(candidate).dot(n1) >= 0 && candidate.cross(b).dot(n1) >= 0
                    && c.cross(candidate).dot(n2) >= 0 && candidate.cross(d).dot(n2) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Vector3 randomDirection(SplittableRandom random) {
        double z = 2 * random.nextDouble() - 1;
        double a = 2 * Math.PI * random.nextDouble();
        double r = Math.sqrt(1 - z * z);
        return new Vector3(r * Math.cos(a), r * Math.sin(a), z);
    }

    /** The footprint of a square TAN image of a side in degrees, anywhere, turned at random. */
    private static SkyPolygon tanSquare(SplittableRandom random, double sideDegrees) {
        Vector3 centre = randomDirection(random);
        Vector3 u = centre.cross(Math.abs(centre.z()) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0)).normalized();
        Vector3 w = centre.cross(u);
        double half = Math.tan(Math.toRadians(sideDegrees) / 2);
        double turn = random.nextDouble() * Math.PI / 2;
        List<Vector3> corners = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            double a = turn + Math.PI / 4 + k * Math.PI / 2;
            double t = half * Math.sqrt(2);
            corners.add(centre.plus(u.times(t * Math.cos(a))).plus(w.times(t * Math.sin(a))).normalized());
        }
        return SkyPolygon.of(corners);
    }
}
