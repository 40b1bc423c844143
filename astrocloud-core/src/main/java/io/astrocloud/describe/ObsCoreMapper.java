package io.astrocloud.describe;

import static io.astrocloud.describe.CardValues.value;
import static io.astrocloud.describe.ObsCoreColumn.ACCESS_ESTSIZE;
import static io.astrocloud.describe.ObsCoreColumn.ACCESS_FORMAT;
import static io.astrocloud.describe.ObsCoreColumn.ACCESS_URL;
import static io.astrocloud.describe.ObsCoreColumn.CALIB_LEVEL;
import static io.astrocloud.describe.ObsCoreColumn.FACILITY_NAME;
import static io.astrocloud.describe.ObsCoreColumn.INSTRUMENT_NAME;
import static io.astrocloud.describe.ObsCoreColumn.OBS_COLLECTION;
import static io.astrocloud.describe.ObsCoreColumn.OBS_ID;
import static io.astrocloud.describe.ObsCoreColumn.OBS_PUBLISHER_DID;
import static io.astrocloud.describe.ObsCoreColumn.O_UCD;
import static io.astrocloud.describe.ObsCoreColumn.TARGET_NAME;

import io.astrocloud.fits.Card;
import io.astrocloud.fits.CompressedImageHeader;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Describes one HDU as an {@link ObsCore} row from its header alone: the one mapper behind the
 * command line's JSON, the Camel converters and the index items. The sky columns come from the
 * celestial WCS ({@link SkyDescription}); everything else is read here (see the package description
 * for the rules). A tile-compressed image is described through its image view
 * ({@link CompressedImageHeader}); an extension inherits the observation keywords of the primary
 * header that it lacks ({@code HduKeywords}).
 */
public final class ObsCoreMapper {
    /** The MIME type of FITS files (RFC 4047), for {@code access_format}. */
    public static final String FITS_MIME_TYPE = "application/fits";
    private static final String NOT_IN_HEADERS =
            "the object's size is not in its headers (the walk that read them knows it)";

    private ObsCoreMapper() {
    }

    /**
     * Describes a walked HDU, without the object's size ({@code access_estsize} absent); {@link
     * ObsCoreRows} describes a whole walk with it.
     *
     * @param hdu     the HDU
     * @param primary the file's primary HDU (the same object when {@code hdu} is the primary)
     */
    public static ObsCore describe(Hdu hdu, Hdu primary) {
        return describe(hdu, primary, -1, NOT_IN_HEADERS);
    }

    /**
     * Describes a walked HDU of an object whose size the walk knows.
     *
     * @param hdu     the HDU (a tile-compressed image is read through its {@link Hdu#compressedImage()})
     * @param primary the file's primary HDU (the same object when {@code hdu} is the primary)
     * @param object  what the store reported of the object: its size gives {@code access_estsize}
     *                (kbyte, rounded up)
     */
    public static ObsCore describe(Hdu hdu, Hdu primary, ObjectInfo object) {
        return describe(hdu, primary, object.sizeKnown() ? object.size() : -1,
                "the store did not report the object's size");
    }

    private static ObsCore describe(Hdu hdu, Hdu primary, long objectSize, String sizeUnknown) {
        Own own;
        try {
            own = hdu.compressedImage().map(image -> new Own(image.imageCards(), true, null))
                    .orElseGet(() -> new Own(hdu.cards(), false, null));
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause().getCause();
            own = new Own(hdu.cards(), false, (cause != null ? cause : e.getCause()).getMessage());
        }
        return describe(hdu.cards(), own, primary.cards(), hdu.url(), objectSize, sizeUnknown, null);
    }

    /**
     * Describes an HDU from its stored cards, its sky columns from its celestial WCS
     * ({@link SkyDescription}); {@code access_estsize} is absent (the size is not in the headers).
     *
     * @param hduCards     the HDU's cards as stored (as {@code Hdu.cards()} lists them)
     * @param primaryCards the primary HDU's cards (the same list for the primary itself)
     * @param objectUrl    the object's URL: {@code access_url} without query, fragment or user
     *                     information (no signature or key leaks), and the last resort of {@code obs_id}
     */
    public static ObsCore describe(List<Card> hduCards, List<Card> primaryCards, String objectUrl) {
        return describe(hduCards, primaryCards, objectUrl, null);
    }

    /** As {@link #describe(List, List, String)}, with the sky columns given (null: from the WCS). */
    static ObsCore describe(List<Card> hduCards, List<Card> primaryCards, String objectUrl, SkyColumns sky) {
        Own own;
        try {
            own = CompressedImageHeader.of(hduCards).map(image -> new Own(image.imageCards(), true, null))
                    .orElseGet(() -> new Own(hduCards, false, null));
        } catch (IllegalArgumentException e) {
            own = new Own(hduCards, false, e.getMessage());
        }
        return describe(hduCards, own, primaryCards, objectUrl, -1, NOT_IN_HEADERS, sky);
    }

    /**
     * The header an HDU is described by: its image view when it is a tile-compressed image, else
     * its stored cards; {@code unreadable} says why the compression keywords cannot be read.
     */
    private record Own(List<Card> cards, boolean compressedImage, String unreadable) {
    }

    private static ObsCore describe(List<Card> hduCards, Own own, List<Card> primaryCards, String objectUrl,
                                    long objectSize, String sizeUnknown, SkyColumns sky) {
        Row row = new Row();
        boolean isPrimary = !hduCards.isEmpty() && hduCards.get(0).keyword().equals("SIMPLE");
        String kind = isPrimary || own.compressedImage() ? "IMAGE"
                : String.valueOf(value(hduCards, "XTENSION")).strip().toUpperCase(Locale.ROOT);
        String unreadable = own.unreadable();
        HduKeywords.Inheritance inheritance = isPrimary ? HduKeywords.Inheritance.PRIMARY
                : Boolean.FALSE.equals(value(hduCards, "INHERIT")) ? HduKeywords.Inheritance.REFUSED
                : HduKeywords.Inheritance.INHERITS;
        HduKeywords keys = new HduKeywords(own.cards(), primaryCards, inheritance);
        boolean randomGroups = isPrimary && Boolean.TRUE.equals(value(hduCards, "GROUPS"))
                && Long.valueOf(0).equals(value(hduCards, "NAXIS1"));
        List<ProductType.Axis> axes = unreadable != null ? ProductType.unreadable(row, unreadable)
                : ProductType.describe(keys, kind, randomGroups, row);
        SpectralRange.describe(keys, axes, row);
        TimeColumns.describe(keys, row);
        names(keys, objectUrl, row);
        SkyColumns skyColumns = sky != null ? sky : unreadable != null ? SkyColumns.absent(unreadable)
                : SkyDescription.of(own.cards());
        skyColumns.values().forEach(row::put);
        skyColumns.why().forEach(row::absent);
        row.absent(CALIB_LEVEL, "FITS headers do not state a calibration level: an archive assigns it");
        row.absent(OBS_COLLECTION, "the collection is the publishing archive's choice, not a header keyword");
        row.absent(OBS_PUBLISHER_DID, "an IVOA dataset identifier is assigned by the publishing archive");
        if (objectSize >= 0) {
            row.put(ACCESS_ESTSIZE, (objectSize + 999) / 1000);
        } else {
            row.absent(ACCESS_ESTSIZE, sizeUnknown);
        }
        row.absent(O_UCD, "no header keyword gives the UCD of the pixel values");
        return row.build();
    }

    private static void names(HduKeywords keys, String objectUrl, Row row) {
        text(keys, row, TARGET_NAME, "OBJECT", "TARGNAME");
        text(keys, row, INSTRUMENT_NAME, "INSTRUME");
        text(keys, row, FACILITY_NAME, "TELESCOP");
        Optional<String> id = keys.text("OBS_ID").or(() -> keys.text("ROOTNAME"));
        String file = fileStem(objectUrl);
        if (id.isPresent()) {
            row.put(OBS_ID, id.get());
        } else if (!file.isEmpty()) {
            row.put(OBS_ID, file);
        } else {
            row.absent(OBS_ID, keys.missing("OBS_ID", "ROOTNAME") + ", and the URL names no file");
        }
        row.put(ACCESS_URL, withoutSecrets(objectUrl));
        row.put(ACCESS_FORMAT, FITS_MIME_TYPE);
    }

    private static void text(HduKeywords keys, Row row, ObsCoreColumn column, String... keywords) {
        for (String k : keywords) {
            Optional<String> v = keys.text(k);
            if (v.isPresent()) {
                row.put(column, v.get());
                return;
            }
        }
        row.absent(column, keys.missing(keywords));
    }

    /** The URL without query, fragment or user information, which may hold signatures or keys. */
    static String withoutSecrets(String url) {
        String u = url;
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) {
            int at = u.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        u = u.substring(0, cut);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int hostEnd = u.indexOf('/', scheme + 3);
            String authority = u.substring(scheme + 3, hostEnd < 0 ? u.length() : hostEnd);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                u = u.substring(0, scheme + 3) + authority.substring(at + 1) + (hostEnd < 0 ? "" : u.substring(hostEnd));
            }
        }
        return u;
    }

    /** The file name of a URL, decoded, without .fits/.fit/.fts and .gz/.fz/.bz2 suffixes. */
    static String fileStem(String url) {
        String path = withoutSecrets(url);
        String name = path.substring(path.lastIndexOf('/') + 1);
        try {
            name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not percent-encoded after all: keep the name as written.
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".gz", ".fz", ".bz2"}) {
            if (lower.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                lower = lower.substring(0, lower.length() - suffix.length());
            }
        }
        for (String suffix : new String[] {".fits", ".fit", ".fts"}) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
