package io.astrocloud.wcs;

import static io.astrocloud.wcs.TestHeaders.tanImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The footprint's polygon order, circle and STC-S text. */
class FootprintTest {

    @Test
    void stcsListsCornersCounterClockwiseAsSeenFromInsideTheSphere() {
        // astropy's order for a north-up, east-left image: (0.5, 0.5) bottom-left (east), top-left,
        // top-right, bottom-right: clockwise on the sky as seen from inside, so STC-S reverses it.
        List<SkyPosition> astropyOrder = List.of(new SkyPosition(10.1, 19.9), new SkyPosition(10.1, 20.1),
            new SkyPosition(9.9, 20.1), new SkyPosition(9.9, 19.9));
        Footprint footprint = Footprint.of(astropyOrder);
        assertThat(footprint.stcs()).isEqualTo("POLYGON ICRS 10.1 19.9 9.9 19.9 9.9 20.1 10.1 20.1");
        assertThat(footprint.center().ra()).isCloseTo(10.0, within(1e-9));
        assertThat(footprint.center().dec()).isCloseTo(20.0, within(1e-4));
        assertThat(Footprint.of(footprint.corners()).corners()).isEqualTo(footprint.corners());
    }

    @Test
    void everyGoldenFootprintRunsCounterClockwiseSeenFromInside() {
        int checked = 0;
        for (WcsGoldenTest.SkyFixture sky : WcsGoldenTest.skyFixtures()) {
            Footprint footprint = sky.wcs().footprint().toOptional().orElse(null);
            if (footprint == null || footprint.fovDeg() >= 90.0) {
                continue; // the sense of a polygon as large as a hemisphere is not a matter of a local plane
            }
            assertThat(areaSeenFromInside(footprint)).as(sky.name()).isPositive();
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    /**
     * Shoelace area of the corners on the plane tangent at the centre, with east to the left
     * (x = -east) and north up, as the sky is seen from inside: positive when counter-clockwise.
     */
    private static double areaSeenFromInside(Footprint footprint) {
        double[] c = Vectors.of(footprint.center().ra(), footprint.center().dec());
        double[] east = Vectors.normalized(Vectors.cross(new double[] {0, 0, 1}, c));
        double[] north = Vectors.cross(c, east);
        List<SkyPosition> corners = footprint.corners();
        double area = 0.0;
        for (int i = 0; i < corners.size(); i++) {
            SkyPosition next = corners.get((i + 1) % corners.size());
            double[] a = Vectors.of(corners.get(i).ra(), corners.get(i).dec());
            double[] b = Vectors.of(next.ra(), next.dec());
            area += -Vectors.dot(a, east) * Vectors.dot(b, north) + Vectors.dot(b, east) * Vectors.dot(a, north);
        }
        return area;
    }

    @Test
    void theCircleHoldsEveryCornerAndTouchesAtLeastTwo() {
        CelestialWcs wcs = CelestialWcs.read(tanImage("NAXIS1", 4000L, "NAXIS2", 300L, "CRVAL2", 89.9,
            "CDELT1", -1e-3, "CDELT2", 1e-3, "CROTA2", 25.0)).orElseThrow();
        Footprint footprint = wcs.footprint().orElseThrow();
        double[] centre = Vectors.of(footprint.center().ra(), footprint.center().dec());
        int touching = 0;
        for (SkyPosition corner : footprint.corners()) {
            double distance = Vectors.separation(centre, Vectors.of(corner.ra(), corner.dec()));
            assertThat(distance).isLessThanOrEqualTo(footprint.fovDeg() / 2 + 1e-9);
            touching += Math.abs(distance - footprint.fovDeg() / 2) < 1e-9 ? 1 : 0;
        }
        assertThat(touching).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWcsWithoutPixelsHasNoFootprintAndSaysWhy() {
        WcsResult<Footprint> none = CelestialWcs.read(tanImage("NAXIS", 0L)).orElseThrow().footprint();
        assertThat(none).isEqualTo(new WcsResult.Absent<Footprint>(
            "NAXIS = 0: the HDU has no pixel axis 1 (the WCS has no pixel grid to cover)"));
        WcsResult<Footprint> empty = CelestialWcs.read(tanImage("NAXIS2", 0L)).orElseThrow().footprint();
        assertThat(((WcsResult.Absent<Footprint>) empty).why()).contains("NAXIS2 = 0");
    }

    @Test
    void anAllSkyMapWhoseCornersFallOffTheEllipseHasNoFootprint() {
        CelestialWcs wcs = CelestialWcs.read(tanImage("CTYPE1", "GLON-AIT", "CTYPE2", "GLAT-AIT", "NAXIS1", 360L,
            "NAXIS2", 180L, "CRPIX1", 180.5, "CRPIX2", 90.5, "CDELT1", -1.0, "CDELT2", 1.0, "CRVAL1", 0.0,
            "CRVAL2", 0.0))
            .orElseThrow();
        assertThat(((WcsResult.Absent<Footprint>) wcs.footprint()).why())
            .isEqualTo("the grid's corner at pixel (0.5, 0.5) has no sky position in projection AIT");
        assertThat(wcs.pixelToSky(180.5, 90.5)).isPresent();
    }

    @Test
    void pixelScaleIsTheSquareRootOfThePixelArea() {
        CelestialWcs wcs = CelestialWcs.read(tanImage("CDELT1", -2e-4, "CDELT2", 5e-4, "CROTA2", 40.0)).orElseThrow();
        assertThat(wcs.pixelScale()).isCloseTo(Math.sqrt(2e-4 * 5e-4), within(1e-15));
    }
}
