package io.astrocloud.wcs;

/** Why a header yields no celestial WCS; becomes the reason of {@link WcsResult.Absent}. */
final class InvalidWcs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidWcs(String why) {
        super(why, null, false, false);
    }
}
