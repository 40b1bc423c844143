package io.astrocloud.healpix;

import static io.astrocloud.healpix.HealpyGolden.longs;
import static io.astrocloud.healpix.HealpyGolden.read;
import static io.astrocloud.healpix.HealpyGolden.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The grid against healpy 1.16.1 (fixtures of oracles/make_healpix_golden.py): cell numbers must
 * agree exactly, centres and corners to {@value #TOLERANCE} rad.
 */
class HealpixGridTest {
    /** Radians; the figures printed show how far below this the differences stay. */
    static final double TOLERANCE = 1e-10;

    @Test
    void ang2pixAgreesWithHealpyAtEveryOrder() {
        int compared = compareCellNumbers("ang2pix", "positions", position -> {
            double ra = position.get("ra").asDouble();
            double dec = position.get("dec").asDouble();
            return new Located("(" + ra + ", " + dec + ")", grid -> grid.ang2pix(ra, dec));
        });
        assertThat(compared).isGreaterThan(20_000);
    }

    @Test
    void vec2pixAgreesWithHealpyAtEveryOrder() {
        int compared = compareCellNumbers("vec2pix", "vectors", entry -> {
            Vector3 v = vector(entry.get("vector"));
            return new Located(v.toString(), grid -> grid.vec2pix(v));
        });
        assertThat(compared).isGreaterThan(5_000);
    }

    /** A position of the fixture and the function that finds its cell in a grid. */
    private record Located(String where, ToLongFunction<Healpix> cell) {
    }

    private static int compareCellNumbers(String what, String fixture, Function<JsonNode, Located> locate) {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (JsonNode entry : read("ang2pix.json").get(fixture)) {
            Located located = locate.apply(entry);
            long[] expected = longs(entry.get("pix"));
            for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
                long pix = located.cell.applyAsLong(Healpix.order(order));
                compared++;
                if (pix != expected[order]) {
                    disagreements.add(entry.get("label").asText() + " " + located.where + " order " + order + ": " + pix
                            + ", healpy " + expected[order]);
                }
            }
        }
        System.out.printf("%s: %d of %d (position, order) pairs agree with healpy%n", what,
                compared - disagreements.size(), compared);
        assertThat(disagreements).isEmpty();
        return compared;
    }

    @Test
    void neighboursAgreeWithHealpyIncludingMissingOnes() {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int missing = 0;
        for (JsonNode cell : read("cells.json").get("cells")) {
            Healpix grid = Healpix.order(cell.get("order").asInt());
            long pix = cell.get("pix").asLong();
            long[] expected = longs(cell.get("neighbours"));
            long[] actual = grid.neighbours(pix);
            compared++;
            for (long n : expected) {
                missing += n < 0 ? 1 : 0;
            }
            if (!Arrays.equals(actual, expected)) {
                disagreements.add(grid + " cell " + pix + ": " + Arrays.toString(actual) + ", healpy "
                        + Arrays.toString(expected));
            }
        }
        System.out.printf("neighbours: %d of %d cells agree with healpy (%d missing neighbours among them)%n",
                compared - disagreements.size(), compared, missing);
        assertThat(disagreements).isEmpty();
        assertThat(missing).as("face corners where a neighbour is missing are covered").isGreaterThan(100);
    }

    @Test
    void centresAndCornersAgreeWithHealpy() {
        double worstAngle = 0;
        double worstVector = 0;
        double worstCorner = 0;
        int cells = 0;
        for (JsonNode cell : read("cells.json").get("cells")) {
            Healpix grid = Healpix.order(cell.get("order").asInt());
            long pix = cell.get("pix").asLong();
            Pointing centre = grid.pix2ang(pix);
            worstAngle = Math.max(worstAngle, Math.abs(centre.theta() - cell.get("theta").asDouble()));
            worstAngle = Math.max(worstAngle, Math.abs(centre.phi() - cell.get("phi").asDouble()));
            worstVector = Math.max(worstVector, grid.pix2vec(pix).angleTo(vector(cell.get("vector"))));
            List<Vector3> corners = grid.boundaries(pix);
            for (int i = 0; i < 4; i++) {
                worstCorner = Math.max(worstCorner, corners.get(i).angleTo(vector(cell.get("corners").get(i))));
            }
            cells++;
        }
        System.out.printf("pix2ang/pix2vec/boundaries over %d cells at orders 0..29: largest difference from healpy"
                + " %.2e rad (θ, φ), %.2e rad (centre vector), %.2e rad (corners)%n",
                cells, worstAngle, worstVector, worstCorner);
        assertThat(worstAngle).isLessThanOrEqualTo(TOLERANCE);
        assertThat(worstVector).isLessThanOrEqualTo(TOLERANCE);
        assertThat(worstCorner).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void boundariesWithStepsAgreeWithHealpy() {
        double worst = 0;
        for (JsonNode entry : read("cells.json").get("boundaries")) {
            Healpix grid = Healpix.order(entry.get("order").asInt());
            List<Vector3> points = grid.boundaries(entry.get("pix").asLong(), entry.get("step").asInt());
            assertThat(points).hasSize(entry.get("points").size());
            for (int i = 0; i < points.size(); i++) {
                worst = Math.max(worst, points.get(i).angleTo(vector(entry.get("points").get(i))));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void maxPixradAgreesWithHealpy() {
        JsonNode expected = read("cells.json").get("max_pixrad");
        for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
            assertThat(Healpix.order(order).maxPixrad()).as("order %d", order)
                    .isCloseTo(expected.get(order).asDouble(), org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void everyCellCentreFallsInItsOwnCellAtEveryOrder() {
        SplittableRandom random = new SplittableRandom(7);
        for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
            Healpix grid = Healpix.order(order);
            for (int i = 0; i < 2_000; i++) {
                long pix = random.nextLong(grid.npix());
                assertThat(grid.vec2pix(grid.pix2vec(pix))).as("%s cell %d", grid, pix).isEqualTo(pix);
                assertThat(grid.ang2pix(grid.pix2ang(pix))).as("%s cell %d", grid, pix).isEqualTo(pix);
            }
        }
    }

    @Test
    void refusesPositionsAndCellsThatDoNotExist() {
        Healpix grid = Healpix.order(3);
        assertThatThrownBy(() -> grid.ang2pix(10, 90.5)).hasMessageContaining("declination 90.5");
        assertThatThrownBy(() -> grid.ang2pix(Double.NaN, 0)).hasMessageContaining("right ascension NaN");
        assertThatThrownBy(() -> grid.neighbours(768)).hasMessageContaining("cell 768 does not exist at order 3");
        assertThatThrownBy(() -> grid.pix2ang(-1)).hasMessageContaining("cell -1 does not exist");
        assertThatThrownBy(() -> grid.vec2pix(new Vector3(0, 0, 0))).hasMessageContaining("zero vector");
        assertThatThrownBy(() -> Healpix.order(30)).hasMessageContaining("order 30 is outside 0..29");
        assertThatThrownBy(() -> Healpix.ofNside(3)).hasMessageContaining("nside 3 is not a power of two");
        assertThat(Healpix.ofNside(1L << 29).npix()).isEqualTo(12L << 58);
    }
}
