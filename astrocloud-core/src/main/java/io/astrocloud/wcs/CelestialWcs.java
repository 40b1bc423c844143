package io.astrocloud.wcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The celestial world coordinate system of one header: pixel coordinates to ICRS and back, the
 * footprint of its pixel grid and its pixel scale. Read with {@link #read(WcsKeywords)}.
 *
 * <p>The chain, in the papers' words: pixel coordinates, offsets from CRPIX, SIP distortion,
 * intermediate world coordinates (CD, or CDELT and PC, or CROTA2), projection-plane to native
 * spherical coordinates (the projection), native spherical to celestial coordinates in the
 * header's frame (the spherical rotation), then ICRS. Sky to pixel runs the chain backwards.
 *
 * <p>In an N-dimensional header the celestial axes may be any two; pixel coordinates here are
 * along the two pixel axes of the same numbers ({@link #pixelAxes()}), the other pixel axes held
 * at their reference pixel, as astropy's {@code WCS.celestial} does. A header whose celestial
 * axes depend on another pixel axis (PCi_j coupling them) has no celestial WCS here.
 */
public final class CelestialWcs {
    private final CelestialAxes axes;
    private final CelestialFrame frame;
    private final LinearTransformation linear;
    private final PixelDistortion distortion;
    private final CelestialMapping mapping;
    private final WcsResult<long[]> grid;

    CelestialWcs(CelestialAxes axes, CelestialFrame frame, LinearTransformation linear, PixelDistortion distortion,
                 CelestialMapping mapping, WcsResult<long[]> grid) {
        this.axes = axes;
        this.frame = frame;
        this.linear = linear;
        this.distortion = distortion;
        this.mapping = mapping;
        this.grid = grid;
    }

    /**
     * The primary celestial WCS of a header ({@code CTYPEn}, not the alternates {@code CTYPEna}),
     * or why it has none: no celestial axes, a frame that is not on the sky (helioprojective), a
     * projection not implemented, or values no WCS can have (a singular matrix, a latitude past
     * the pole, NaN). Never throws for any header.
     */
    public static WcsResult<CelestialWcs> read(WcsKeywords header) {
        try {
            return new WcsResult.Found<>(WcsReader.read(header));
        } catch (InvalidWcs e) {
            return new WcsResult.Absent<>(e.getMessage());
        }
    }

    /**
     * The ICRS position of a pixel, or empty where the projection has no sky (outside an all-sky
     * ellipse, beyond a TAN field's horizon).
     *
     * @param x FITS pixel coordinate along the first celestial pixel axis (1.0: centre of the first pixel)
     * @param y likewise along the second
     */
    public Optional<SkyPosition> pixelToSky(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Optional.empty();
        }
        double[] uv = distortion.distort(x - linear.crpixFirst(), y - linear.crpixSecond());
        double[] intermediate = linear.toIntermediate(uv[0], uv[1]);
        if (!finite(intermediate)) {
            return Optional.empty();
        }
        double[] celestial = mapping.toCelestial(intermediate[0], intermediate[1]);
        if (celestial == null || !finite(celestial)) {
            return Optional.empty();
        }
        double[] icrs = frame.toIcrs(Vectors.of(celestial[0], celestial[1]));
        double ra = Vectors.longitude(icrs);
        double dec = Vectors.latitude(icrs);
        return Double.isFinite(ra) && Double.isFinite(dec) ? Optional.of(new SkyPosition(ra, dec)) : Optional.empty();
    }

    /**
     * The pixel of an ICRS position, or empty where the projection has no image of it (the far
     * hemisphere of TAN or SIN) or a SIP distortion cannot be inverted there.
     */
    public Optional<PixelPosition> skyToPixel(SkyPosition sky) {
        double[] v = frame.fromIcrs(Vectors.of(sky.ra(), sky.dec()));
        double[] intermediate = mapping.toIntermediate(Vectors.longitude(v), Vectors.latitude(v));
        if (intermediate == null) {
            return Optional.empty();
        }
        double[] distorted = linear.toOffsets(intermediate[0], intermediate[1]);
        double[] uv = finite(distorted) ? distortion.undistort(distorted[0], distorted[1]) : null;
        if (uv == null) {
            return Optional.empty();
        }
        double[] pixel = {uv[0] + linear.crpixFirst(), uv[1] + linear.crpixSecond()};
        return finite(pixel) ? Optional.of(new PixelPosition(pixel[0], pixel[1])) : Optional.empty();
    }

    /**
     * The footprint of the pixel grid (NAXISn of the celestial pixel axes), or why there is none:
     * no grid (NAXIS = 0), or a corner with no sky (an all-sky map whose corners lie outside the
     * projection's ellipse).
     */
    public WcsResult<Footprint> footprint() {
        if (grid instanceof WcsResult.Absent<long[]> absent) {
            return new WcsResult.Absent<>(absent.why());
        }
        long[] size = grid.orElseThrow();
        double[][] edges = {{0.5, 0.5}, {0.5, size[1] + 0.5}, {size[0] + 0.5, size[1] + 0.5}, {size[0] + 0.5, 0.5}};
        List<SkyPosition> corners = new ArrayList<>();
        for (double[] edge : edges) {
            Optional<SkyPosition> corner = pixelToSky(edge[0], edge[1]);
            if (corner.isEmpty()) {
                return new WcsResult.Absent<>(String.format(Locale.ROOT, "the grid's corner at pixel (%s, %s) has no "
                    + "sky position in projection %s", edge[0], edge[1], mapping.projectionCode()));
            }
            corners.add(corner.get());
        }
        return new WcsResult.Found<>(Footprint.of(corners));
    }

    /**
     * Degrees per pixel at the reference point: the square root of a pixel's area in
     * intermediate world coordinates (|det CD|, as astropy's {@code proj_plane_pixel_area}); for
     * ObsCore's {@code s_resolution} where nothing better is known.
     */
    public double pixelScale() {
        return linear.pixelScale();
    }

    /** The two celestial pixel axes, 1-based, in ascending order: x and y of {@link PixelPosition}. */
    public List<Integer> pixelAxes() {
        return List.of(axes.firstPixelAxis() + 1, axes.secondPixelAxis() + 1);
    }

    /** The longitude axis (RA, GLON, ELON), 1-based. */
    public int longitudeAxis() {
        return axes.longitude() + 1;
    }

    /** The latitude axis (DEC, GLAT, ELAT), 1-based. */
    public int latitudeAxis() {
        return axes.latitude() + 1;
    }

    /** The projection's code ({@code TAN}, {@code SIN}, ...; NCP reads as SIN), or {@code linear}. */
    public String projection() {
        return mapping.projectionCode();
    }

    /** The header's reference system: {@code ICRS}, {@code FK5 J2000.0}, {@code FK4 B1950.0}, {@code GALACTIC}, ... */
    public String frame() {
        return frame.name();
    }

    /** Whether pixel offsets pass through SIP polynomials. */
    public boolean distorted() {
        return distortion != PixelDistortion.NONE;
    }

    private static boolean finite(double[] pair) {
        return Double.isFinite(pair[0]) && Double.isFinite(pair[1]);
    }

    @Override
    public String toString() {
        return "CelestialWcs[" + axes.longitudeType() + "/" + axes.latitudeType() + " on axes " + pixelAxes() + ", "
            + projection() + (distorted() ? "+SIP" : "") + ", " + frame() + "]";
    }
}
