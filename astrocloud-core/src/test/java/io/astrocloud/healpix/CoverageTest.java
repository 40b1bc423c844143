package io.astrocloud.healpix;

import static io.astrocloud.healpix.HealpyGolden.read;
import static io.astrocloud.healpix.HealpyGolden.vector;
import static io.astrocloud.healpix.HealpyGolden.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Inclusive coverage against healpy 1.16.1's {@code query_disc} and {@code query_polygon}
 * ({@code inclusive=True, nest=True}, with the {@code fact} each fixture records): every cell healpy
 * returns must be in ours; the cells we return beyond healpy's are counted and printed.
 */
class CoverageTest {

    @Test
    void discCoverageHoldsEveryCellHealpyReturns() {
        Tally tally = compareWithHealpy("query_disc", "discs",
                disc -> new SkyCircle(vector(disc.get("vector")), disc.get("radius").asDouble()));
        assertThat(tally.queries).isGreaterThan(500);
    }

    @Test
    void polygonCoverageHoldsEveryCellHealpyReturns() {
        Tally tally = compareWithHealpy("query_polygon", "polygons", polygon -> SkyPolygon.of(vectors(polygon.get("vertices"))));
        assertThat(tally.queries).isGreaterThan(150);
    }

    private static Tally compareWithHealpy(String what, String fixture, Function<JsonNode, SkyRegion> region) {
        Tally tally = new Tally(what);
        for (JsonNode query : read("queries.json").get(fixture)) {
            int order = query.get("order").asInt();
            Moc ours = Coverage.inclusive(region.apply(query), order, query.get("fact").asInt());
            tally.add(query.get("label").asText() + " order " + order, HealpyGolden.moc(order, query.get("ranges")), ours);
        }
        tally.print();
        assertThat(tally.missed).isEmpty();
        return tally;
    }

    @Test
    void refusesThePolygonsHealpyRefusesAndSaysWhy() {
        JsonNode refusals = read("queries.json").get("refused");
        for (JsonNode refused : refusals) {
            String label = refused.get("label").asText();
            String healpy = refused.get("healpy_reason").asText();
            String expected = label.contains("repeated") ? "coincide"
                    : healpy.contains("degenerate") ? "degenerate corner" : "not convex";
            assertThatThrownBy(() -> SkyPolygon.of(vectors(refused.get("vertices")))).as(label)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(expected)
                    .hasMessageContaining("vertex");
        }
        assertThat(refusals).hasSize(5);
    }

    @Test
    void refusesAPentagramThatHealpyWouldTakeForConvex() {
        double[] star = new double[10];
        for (int k = 0; k < 5; k++) {
            double a = Math.toRadians(90 + 144 * k);
            star[2 * k] = 100 + 2 * Math.cos(a);
            star[2 * k + 1] = 2 * Math.sin(a);
        }
        assertThatThrownBy(() -> SkyPolygon.ofRaDec(star)).hasMessageContaining("not convex or crosses itself");
    }

    @Test
    void everyCellHoldingAPointOfTheRegionIsCovered() {
        SplittableRandom random = new SplittableRandom(11);
        List<SkyRegion> regions = List.of(
                SkyCircle.ofDegrees(0, 90, 0.3),
                SkyCircle.ofDegrees(359.99, -12, 0.05),
                SkyPolygon.ofRaDec(359.5, -1, 0.5, -1, 0.5, 1, 359.5, 1),
                SkyPolygon.ofRaDec(0, -85, 90, -85, 180, -85, 270, -85),
                SkyPolygon.ofRaDec(30, 10, 42, 10.5, 41, 22, 29.5, 21));
        for (SkyRegion region : regions) {
            for (int order : new int[] {4, 8, 11}) {
                Moc coverage = Coverage.inclusive(region, order);
                Healpix grid = Healpix.order(order);
                int inside = 0;
                for (Vector3 p : samplePoints(region, random, 20_000)) {
                    assertThat(coverage.contains(grid.vec2pix(p))).as("%s order %d point %s", region, order, p).isTrue();
                    inside++;
                }
                assertThat(inside).isGreaterThan(1_000);
            }
        }
    }

    @Test
    void refusesAnOversamplingThatIsNotAPowerOfTwoOrTooFine() {
        SkyCircle cone = SkyCircle.ofDegrees(10, 20, 1);
        assertThatThrownBy(() -> Coverage.inclusive(cone, 8, 3)).hasMessageContaining("fact 3 is not a power of two");
        assertThatThrownBy(() -> Coverage.inclusive(cone, 28, 4)).hasMessageContaining("tests cells of order 30");
        assertThat(Coverage.inclusive(SkyCircle.ofDegrees(10, 20, 180), 3).cellCount()).isEqualTo(768);
    }

    /** Random points inside a region and on its boundary (its vertices and points close to its edges). */
    static List<Vector3> samplePoints(SkyRegion region, SplittableRandom random, int tries) {
        Vector3 centre;
        double reach;
        if (region instanceof SkyCircle c) {
            centre = c.centre();
            reach = c.radius();
        } else {
            List<Vector3> vs = ((SkyPolygon) region).vertices();
            Vector3 sum = new Vector3(0, 0, 0);
            for (Vector3 v : vs) {
                sum = sum.plus(v);
            }
            centre = sum.normalized();
            reach = 0;
            for (Vector3 v : vs) {
                reach = Math.max(reach, centre.angleTo(v));
            }
        }
        List<Vector3> out = new ArrayList<>();
        double minZ = Math.cos(reach);
        Vector3 u = centre.cross(Math.abs(centre.z()) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0)).normalized();
        Vector3 w = centre.cross(u);
        for (int i = 0; i < tries; i++) {
            double z = 1 - random.nextDouble() * (1 - minZ);
            double r = Math.sqrt(Math.max(0, 1 - z * z));
            double a = random.nextDouble() * 2 * Math.PI;
            Vector3 p = centre.times(z).plus(u.times(r * Math.cos(a))).plus(w.times(r * Math.sin(a)));
            if (region.contains(p)) {
                out.add(p);
            }
        }
        if (region instanceof SkyPolygon polygon) {
            out.addAll(polygon.vertices());
        }
        return out;
    }

    /** Healpy's cells against ours, summed over many queries. */
    static final class Tally {
        final String what;
        final List<String> missed = new ArrayList<>();
        int queries;
        int identical;
        long healpyCells;
        long ourCells;
        double worstRatio = 1;

        Tally(String what) {
            this.what = what;
        }

        void add(String label, Moc healpy, Moc ours) {
            queries++;
            long healpyCount = healpy.cellCount();
            long ourCount = ours.cellCount();
            healpyCells += healpyCount;
            ourCells += ourCount;
            long notOurs = healpy.pixels().filter(p -> !ours.contains(p)).count();
            if (notOurs > 0) {
                missed.add(label + ": " + notOurs + " of healpy's " + healpyCount + " cells missing, e.g. "
                        + healpy.pixels().filter(p -> !ours.contains(p)).findFirst().getAsLong());
            }
            identical += ours.equals(healpy) ? 1 : 0;
            if (healpyCount > 0) {
                worstRatio = Math.max(worstRatio, (double) ourCount / healpyCount);
            }
        }

        void print() {
            System.out.printf("%s: %d queries, %d identical to healpy; healpy %d cells, ours %d (ratio %.6f, worst query %.4f);"
                    + " healpy cells missed: %d queries%n", what, queries, identical, healpyCells, ourCells,
                    (double) ourCells / healpyCells, worstRatio, missed.size());
            missed.stream().limit(20).forEach(m -> System.out.println("  missed: " + m));
        }
    }
}
