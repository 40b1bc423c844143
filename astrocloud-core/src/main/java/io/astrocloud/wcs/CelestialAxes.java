package io.astrocloud.wcs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pair of celestial axes among a header's CTYPEn (Paper I section 2.1.4, Paper II section
 * 3): which axis is the longitude and which the latitude (0-based), their coordinate type
 * ({@code RA}, {@code GLON}, ...) and projection code, or "" for celestial axes written without
 * one ({@code 'RA'}, {@code 'DEC'}: linear axes, as wcslib reads them).
 */
record CelestialAxes(int longitude, int latitude, String longitudeType, String latitudeType, String code) {
    private static final Pattern ALTERNATE_CTYPE = Pattern.compile("CTYPE\\d{1,3}[A-Z]");

    /** The lower-numbered of the two celestial axes: the first celestial pixel axis. */
    int firstPixelAxis() {
        return Math.min(longitude, latitude);
    }

    int secondPixelAxis() {
        return Math.max(longitude, latitude);
    }

    boolean linear() {
        return code.isEmpty();
    }

    /** The celestial axes among CTYPE1..CTYPEn. */
    static CelestialAxes find(KeywordValues values, int naxis) {
        String[] ctype = new String[naxis];
        boolean anyType = false;
        for (int i = 0; i < naxis; i++) {
            String text = values.text("CTYPE" + (i + 1));
            ctype[i] = text == null ? "" : text.strip();
            anyType |= !ctype[i].isEmpty();
        }
        if (!anyType) {
            throw new InvalidWcs(noTypesReason(values));
        }
        int lng = -1;
        int lat = -1;
        for (int i = 0; i < naxis; i++) {
            String type = typeOf(ctype[i]);
            if (lng < 0 && isLongitude(type)) {
                lng = i;
            } else if (lat < 0 && isLatitude(type)) {
                lat = i;
            }
        }
        if (lng < 0 && lat < 0) {
            throw new InvalidWcs("no celestial axes: " + listing(ctype));
        }
        if (lng < 0 || lat < 0) {
            int only = Math.max(lng, lat);
            throw new InvalidWcs("unmatched celestial axis: CTYPE" + (only + 1) + " = '" + ctype[only]
                + "' has no " + (lng < 0 ? "longitude" : "latitude") + " axis to pair with");
        }
        String lngType = typeOf(ctype[lng]);
        String latType = typeOf(ctype[lat]);
        if (!partners(lngType, latType)) {
            throw new InvalidWcs("CTYPE" + (lng + 1) + " = '" + ctype[lng] + "' and CTYPE" + (lat + 1) + " = '"
                + ctype[lat] + "' are not a pair of celestial axes");
        }
        String code = codeOf(ctype[lng]);
        if (!code.equals(codeOf(ctype[lat]))) {
            throw new InvalidWcs("inconsistent projections: CTYPE" + (lng + 1) + " = '" + ctype[lng] + "', CTYPE"
                + (lat + 1) + " = '" + ctype[lat] + "'");
        }
        if (code.equals("LOG") || code.equals("TAB")) {
            throw new InvalidWcs("celestial axes of type -" + code + " (CTYPE" + (lng + 1) + " = '" + ctype[lng]
                + "') are not implemented");
        }
        return new CelestialAxes(lng, lat, lngType, latType, code);
    }

    /** The CTYPE without an appended distortion code ('RA---TAN-SIP' is 'RA---TAN'), as wcslib reads it. */
    static String withoutDistortion(String ctype) {
        if (ctype.length() == 12 && ctype.charAt(8) == '-') {
            return ctype.substring(0, 8);
        }
        return ctype;
    }

    private static boolean fourThreeForm(String ctype) {
        return ctype.length() == 8 && ctype.charAt(4) == '-';
    }

    private static String typeOf(String ctype) {
        String c = withoutDistortion(ctype);
        if (fourThreeForm(c)) {
            return stripDashes(c.substring(0, 4));
        }
        return c;
    }

    private static String codeOf(String ctype) {
        String c = withoutDistortion(ctype);
        return fourThreeForm(c) ? stripDashes(c.substring(5, 8)) : "";
    }

    private static String stripDashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isLongitude(String type) {
        return type.equals("RA") || type.length() == 4 && (type.endsWith("LON") || type.substring(2).equals("LN"));
    }

    private static boolean isLatitude(String type) {
        return type.equals("DEC") || type.length() == 4 && (type.endsWith("LAT") || type.substring(2).equals("LT"));
    }

    private static boolean partners(String lng, String lat) {
        if (lng.equals("RA")) {
            return lat.equals("DEC");
        }
        if (lng.endsWith("LON")) {
            return lat.equals(lng.charAt(0) + "LAT");
        }
        return lat.equals(lng.substring(0, 2) + "LT");
    }

    private static String listing(String[] ctype) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ctype.length && parts.size() < 6; i++) {
            parts.add("CTYPE" + (i + 1) + " = '" + ctype[i] + "'");
        }
        return String.join(", ", parts) + (ctype.length > 6 ? ", ..." : "");
    }

    private static String noTypesReason(KeywordValues values) {
        List<String> alternates = values.header().keywords().stream()
            .filter(k -> k.startsWith("CTYPE") && ALTERNATE_CTYPE.matcher(k).matches())
            .map(k -> k.substring(k.length() - 1)).distinct().sorted().toList();
        if (!alternates.isEmpty()) {
            return "no primary world coordinate system (no CTYPEn); alternate descriptions " + alternates
                + " are not read";
        }
        return "no CTYPEn keywords: the header describes no world coordinates";
    }
}
