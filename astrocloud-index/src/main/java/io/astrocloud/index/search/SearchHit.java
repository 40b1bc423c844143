package io.astrocloud.index.search;

import io.astrocloud.describe.ObsCore;
import java.util.OptionalDouble;

/**
 * One matching HDU.
 *
 * @param url      the object's URL ({@code s3://bucket/key} for the index)
 * @param hduIndex the HDU's index in the file (0 for the primary)
 * @param distance angular distance in degrees from the cone's centre to the footprint (0 when the
 *                 centre lies inside it), empty without a cone
 * @param obs      the HDU's ObsCore row
 */
public record SearchHit(String url, int hduIndex, OptionalDouble distance, ObsCore obs) {
}
