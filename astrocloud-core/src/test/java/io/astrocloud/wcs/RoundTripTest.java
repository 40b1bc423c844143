package io.astrocloud.wcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sky to pixel undoes pixel to sky, densely, over every golden header and well beyond the grid
 * the fixtures sample: a check of the reverse direction's own consistency (the fixtures check it
 * against astropy). Within 1e-6 pixel; for FK4 away from B1950 within 0.1 mas, because astropy's
 * FK4 goes back through the transpose of Murray's rotating-system matrix, which is not quite its
 * inverse, and this package reproduces astropy in both directions (astropy's own round trip of
 * the FK4 B1900 fixture is off by 6e-6 pixel of 3.6 arcsec).
 */
class RoundTripTest {

    @Test
    void skyToPixelUndoesPixelToSkyEverywhereTheSkyIsDefined() {
        Random random = new Random(7L);
        int checked = 0;
        for (WcsGoldenTest.SkyFixture fixture : WcsGoldenTest.skyFixtures()) {
            CelestialWcs wcs = fixture.wcs();
            double tolerance = wcs.frame().startsWith("FK4") ? 1e-4 / 3600.0 / wcs.pixelScale() : 1e-6;
            JsonNode points = fixture.fixture().get("points");
            double xMin = points.get(0).get("pixel").get(0).asDouble();
            double yMin = points.get(0).get("pixel").get(1).asDouble();
            double xMax = points.get(points.size() - 2).get("pixel").get(0).asDouble();
            double yMax = points.get(points.size() - 2).get("pixel").get(1).asDouble();
            for (int i = 0; i < 2000; i++) {
                double x = xMin + (xMax - xMin) * random.nextDouble();
                double y = yMin + (yMax - yMin) * random.nextDouble();
                Optional<SkyPosition> sky = wcs.pixelToSky(x, y);
                if (sky.isEmpty()) {
                    continue;
                }
                String where = fixture.name() + " at pixel (" + x + ", " + y + ")";
                PixelPosition back = wcs.skyToPixel(sky.get())
                    .orElseThrow(() -> new AssertionError(where + ": no pixel for its sky"));
                assertThat(Math.max(Math.abs(back.x() - x), Math.abs(back.y() - y)))
                    .as(where).isLessThan(tolerance);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }
}
