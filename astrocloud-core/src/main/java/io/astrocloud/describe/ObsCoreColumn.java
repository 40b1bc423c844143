package io.astrocloud.describe;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of an {@link ObsCore} row: the mandatory columns of IVOA ObsCore 1.1 with their
 * names and units, plus {@code s_pixel_scale} (an optional ObsCore 1.1 column) and
 * {@code t_scale}, which is astro-cloud's own: the time scale that {@code t_min} and
 * {@code t_max} are counted in.
 */
public enum ObsCoreColumn {
    /** image, cube, spectrum, timeseries, event, measurements, visibility. */
    DATAPRODUCT_TYPE(Type.STRING, null),
    /** Calibration level, 0 to 4. */
    CALIB_LEVEL(Type.INTEGER, null),
    /** Name of the data collection. */
    OBS_COLLECTION(Type.STRING, null),
    /** Observation identifier. */
    OBS_ID(Type.STRING, null),
    /** Publisher's dataset identifier (an IVOA URI). */
    OBS_PUBLISHER_DID(Type.STRING, null),
    /** Where the data can be read. */
    ACCESS_URL(Type.STRING, null),
    /** MIME type of what {@code access_url} returns. */
    ACCESS_FORMAT(Type.STRING, null),
    /** Estimated size of what {@code access_url} returns. */
    ACCESS_ESTSIZE(Type.INTEGER, "kbyte"),
    /** Name of the observed target. */
    TARGET_NAME(Type.STRING, null),
    /** Right ascension of the footprint's centre, ICRS. */
    S_RA(Type.REAL, "deg"),
    /** Declination of the footprint's centre, ICRS. */
    S_DEC(Type.REAL, "deg"),
    /** Diameter of the smallest circle around the footprint. */
    S_FOV(Type.REAL, "deg"),
    /** Footprint as STC-S. */
    S_REGION(Type.STRING, null),
    /** Spatial resolution (FWHM). */
    S_RESOLUTION(Type.REAL, "arcsec"),
    /** Pixels along the first spatial axis. */
    S_XEL1(Type.INTEGER, null),
    /** Pixels along the second spatial axis. */
    S_XEL2(Type.INTEGER, null),
    /** Pixel size on the sky (ObsCore 1.1, optional). */
    S_PIXEL_SCALE(Type.REAL, "arcsec"),
    /** Start time, MJD. */
    T_MIN(Type.REAL, "d"),
    /** Stop time, MJD. */
    T_MAX(Type.REAL, "d"),
    /** Total exposure time. */
    T_EXPTIME(Type.REAL, "s"),
    /** Time resolution. */
    T_RESOLUTION(Type.REAL, "s"),
    /** Elements along the time axis. */
    T_XEL(Type.INTEGER, null),
    /** Time scale of {@code t_min} and {@code t_max} (UTC, TT, TDB, ...): astro-cloud's own column. */
    T_SCALE(Type.STRING, null),
    /** Shortest vacuum wavelength. */
    EM_MIN(Type.REAL, "m"),
    /** Longest vacuum wavelength. */
    EM_MAX(Type.REAL, "m"),
    /** Spectral resolving power λ/Δλ. */
    EM_RES_POWER(Type.REAL, null),
    /** Elements along the spectral axis. */
    EM_XEL(Type.INTEGER, null),
    /** UCD of the observable (the pixel values). */
    O_UCD(Type.STRING, null),
    /** Polarization states, {@code /I/Q/U/V/}. */
    POL_STATES(Type.STRING, null),
    /** Elements along the polarization axis. */
    POL_XEL(Type.INTEGER, null),
    /** Observatory or facility. */
    FACILITY_NAME(Type.STRING, null),
    /** Instrument. */
    INSTRUMENT_NAME(Type.STRING, null);

    /** The columns derived from the celestial WCS, given to the mapper as {@link SkyColumns}. */
    public static final Set<ObsCoreColumn> SKY = EnumSet.of(S_RA, S_DEC, S_FOV, S_REGION, S_RESOLUTION, S_PIXEL_SCALE);

    /** The value types: STRING as String, INTEGER as Long, REAL as Double. */
    public enum Type { STRING, INTEGER, REAL }

    private final Type type;
    private final String unit;

    ObsCoreColumn(Type type, String unit) {
        this.type = type;
        this.unit = unit;
    }

    /** The ObsCore name ({@code t_min}): the JSON key and the DynamoDB attribute name. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value type. */
    public Type type() {
        return type;
    }

    /** The unit (VOUnit), or null for strings and counts. */
    public String unit() {
        return unit;
    }

    /** True when {@code value} has this column's Java type. */
    boolean accepts(Object value) {
        switch (type) {
            case STRING:
                return value instanceof String;
            case INTEGER:
                return value instanceof Long;
            default:
                return value instanceof Double && Double.isFinite((Double) value);
        }
    }
}
