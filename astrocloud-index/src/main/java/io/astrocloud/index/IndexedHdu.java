package io.astrocloud.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.fits.Hdu;
import io.astrocloud.json.FitsJson;
import java.util.Objects;

/**
 * One HDU as the index holds it: where it lies in the object, its cards (as {@link FitsJson}
 * writes them: the project's one card mapper), its ObsCore description ({@link ObsCoreMapper}: the
 * project's one describer) and its FILTER.
 *
 * @param index        0 for the primary HDU
 * @param type         PRIMARY, IMAGE, BINTABLE, TABLE, ...
 * @param headerOffset byte offset of the header
 * @param headerBytes  header bytes (whole 2880-byte blocks)
 * @param dataOffset   byte offset of the data
 * @param dataSize     data bytes before padding
 * @param dataBytes    data bytes padded to 2880
 * @param cards        the cards, {@code [{"keyword", "value", "comment"}]}
 * @param obs          the ObsCore description, values and reasons
 * @param filter       FILTER of the HDU's own header, else of the primary header (unless INHERIT = F), or null
 */
public record IndexedHdu(int index, String type, long headerOffset, long headerBytes, long dataOffset, long dataSize,
                         long dataBytes, JsonNode cards, ObsCore obs, String filter) {
    /** Checks the parts that must be there. */
    public IndexedHdu {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(obs, "obs");
    }

    /** Describes a walked HDU of a file whose primary HDU is {@code primary}. */
    public static IndexedHdu of(Hdu hdu, Hdu primary) {
        return new IndexedHdu(hdu.index(), hdu.type(), hdu.headerOffset(), hdu.headerSize(), hdu.dataOffset(),
                hdu.dataSize(), hdu.paddedDataSize(), FitsJson.cards(hdu.cards()), ObsCoreMapper.describe(hdu, primary),
                filter(hdu, primary));
    }

    /** True when the HDU has data bytes (a MEF's primary header usually has none). */
    public boolean holdsData() {
        return dataSize > 0;
    }

    private static String filter(Hdu hdu, Hdu primary) {
        String own = text(hdu.value("FILTER"));
        if (own != null || hdu == primary || Boolean.FALSE.equals(hdu.value("INHERIT"))) {
            return own;
        }
        return text(primary.value("FILTER"));
    }

    private static String text(Object value) {
        if (!(value instanceof String)) {
            return null;
        }
        String s = ((String) value).strip();
        return s.isEmpty() ? null : s;
    }
}
