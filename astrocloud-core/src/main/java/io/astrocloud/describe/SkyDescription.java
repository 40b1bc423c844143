package io.astrocloud.describe;

import static io.astrocloud.describe.ObsCoreColumn.S_DEC;
import static io.astrocloud.describe.ObsCoreColumn.S_FOV;
import static io.astrocloud.describe.ObsCoreColumn.S_PIXEL_SCALE;
import static io.astrocloud.describe.ObsCoreColumn.S_RA;
import static io.astrocloud.describe.ObsCoreColumn.S_REGION;
import static io.astrocloud.describe.ObsCoreColumn.S_RESOLUTION;

import io.astrocloud.fits.Card;
import io.astrocloud.wcs.CelestialWcs;
import io.astrocloud.wcs.Footprint;
import io.astrocloud.wcs.WcsKeywords;
import io.astrocloud.wcs.WcsResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sky columns of an HDU, from the celestial WCS of its (image) header: {@code s_ra},
 * {@code s_dec} and {@code s_fov} are the centre and diameter of the smallest circle around the
 * footprint, {@code s_region} the footprint as an STC-S polygon through the four outer corners of
 * the pixel grid, {@code s_pixel_scale} the pixel scale at the reference point, {@code s_resolution}
 * the beam's major axis where a radio header states it (BMAJ). Each absent column says why.
 *
 * <p>HST's lookup-table distortions (CPDISj, D2IMDISj) live in other HDUs, which a header-only
 * description does not read: the footprint is computed without them (their corrections are below
 * a third of a pixel, some 0.015 arcsec on ACS and WFC3/UVIS), so that such files can be found by
 * position. A cutout that needs sub-pixel placement reads the WCS itself.
 */
public final class SkyDescription {
    private static final Pattern LOOKUP_TABLE_KEYWORD =
            Pattern.compile("(CPDIS|D2IMDIS|DP|DQ|CPERR|D2IMERR)[12]|D2IMEXT|NPOLEXT|D2IM[12]\\..*");

    private SkyDescription() {
    }

    /** The sky columns of a header's cards (a tile-compressed image's image view, not its table). */
    public static SkyColumns of(List<Card> imageCards) {
        WcsResult<CelestialWcs> read = CelestialWcs.read(WcsKeywords.of(withoutLookupTables(imageCards)));
        if (read instanceof WcsResult.Absent<CelestialWcs> none) {
            return SkyColumns.absent("no celestial WCS: " + none.why());
        }
        CelestialWcs wcs = read.orElseThrow();
        Map<ObsCoreColumn, Object> values = new EnumMap<>(ObsCoreColumn.class);
        Map<ObsCoreColumn, String> why = new EnumMap<>(ObsCoreColumn.class);
        double scale = wcs.pixelScale() * 3600.0;
        if (Double.isFinite(scale) && scale > 0) {
            values.put(S_PIXEL_SCALE, scale);
        } else {
            why.put(S_PIXEL_SCALE, "the WCS matrix gives no finite pixel scale");
        }
        Double beam = CardValues.number(CardValues.value(imageCards, "BMAJ"));
        if (beam != null && beam > 0) {
            values.put(S_RESOLUTION, beam * 3600.0);
        } else {
            why.put(S_RESOLUTION, "the header states no resolution (only a radio beam, BMAJ, does); "
                    + "the pixel scale is not a resolution");
        }
        WcsResult<Footprint> footprint = wcs.footprint();
        if (footprint instanceof WcsResult.Absent<Footprint> none) {
            for (ObsCoreColumn c : List.of(S_RA, S_DEC, S_FOV, S_REGION)) {
                why.put(c, "no footprint: " + none.why());
            }
        } else {
            Footprint f = footprint.orElseThrow();
            values.put(S_RA, f.center().ra());
            values.put(S_DEC, f.center().dec());
            values.put(S_FOV, f.fovDeg());
            values.put(S_REGION, f.stcs());
        }
        return new SkyColumns(values, why);
    }

    private static List<Card> withoutLookupTables(List<Card> cards) {
        List<Card> kept = new ArrayList<>(cards.size());
        for (Card c : cards) {
            String k = c.keyword();
            // Every lookup-table keyword starts with C, D or N: the others skip the pattern.
            boolean candidate = !k.isEmpty() && (k.charAt(0) == 'C' || k.charAt(0) == 'D' || k.charAt(0) == 'N');
            if (!candidate || !LOOKUP_TABLE_KEYWORD.matcher(k).matches()) {
                kept.add(c);
            }
        }
        return kept;
    }
}
