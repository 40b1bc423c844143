package io.astrocloud.wcs;

/**
 * A position in an HDU's pixel grid along its two celestial pixel axes (see
 * {@link CelestialWcs#pixelAxes()}), in FITS pixel coordinates: 1-based, the centre of the first
 * pixel at 1.0, its outer edge at 0.5.
 *
 * @param x along the lower-numbered celestial pixel axis
 * @param y along the higher-numbered celestial pixel axis
 */
public record PixelPosition(double x, double y) {
}
