package io.astrocloud.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers the component sets (and the producer reads). */
public final class AstroCloudConstants {
    /** The object's URL: set on every exchange; read by the producer to know what to walk. */
    @Metadata(description = "The object's URL (s3://bucket/key for objects listed under a prefix). The consumer"
            + " sets it on every exchange; the producer walks the object it names (else the String body,"
            + " else the endpoint's url).", javaType = "String")
    public static final String URL = "CamelAstroCloudUrl";

    /** The HDU's index: 0 for the primary HDU, then 1, 2, ... */
    @Metadata(label = "consumer", description = "The HDU's index in the object: 0 for the primary HDU, then 1, 2, ...",
            javaType = "Integer")
    public static final String HDU_INDEX = "CamelAstroCloudHduIndex";

    /** PRIMARY, or the XTENSION value. */
    @Metadata(label = "consumer", description = "PRIMARY for the primary HDU, else the XTENSION value (IMAGE,"
            + " BINTABLE, TABLE, ...).", javaType = "String")
    public static final String HDU_TYPE = "CamelAstroCloudHduType";

    /** Byte offset of the header. */
    @Metadata(label = "consumer", description = "Byte offset of the HDU's header in the object.", javaType = "Long")
    public static final String HEADER_OFFSET = "CamelAstroCloudHeaderOffset";

    /** Header size in bytes. */
    @Metadata(label = "consumer", description = "Size of the HDU's header in bytes (whole 2880-byte blocks).",
            javaType = "Integer")
    public static final String HEADER_SIZE = "CamelAstroCloudHeaderSize";

    /** Byte offset of the data. */
    @Metadata(label = "consumer", description = "Byte offset of the HDU's data segment in the object.",
            javaType = "Long")
    public static final String DATA_OFFSET = "CamelAstroCloudDataOffset";

    /** Data size in bytes, before padding. */
    @Metadata(label = "consumer", description = "Size of the HDU's data in bytes before padding to 2880 (from"
            + " BITPIX, NAXISn, PCOUNT and GCOUNT). The data is never read.", javaType = "Long")
    public static final String DATA_SIZE = "CamelAstroCloudDataSize";

    /** False when the object ends before this HDU's data does. */
    @Metadata(label = "consumer", description = "False when the object ends before this HDU's data does (a"
            + " truncated file); the last HDU walked.", javaType = "Boolean")
    public static final String HDU_COMPLETE = "CamelAstroCloudHduComplete";

    /** The object's size. */
    @Metadata(description = "The object's size in bytes, as the store reported it (absent when it did not say).",
            javaType = "Long")
    public static final String OBJECT_SIZE = "CamelAstroCloudObjectSize";

    /** The object's ETag. */
    @Metadata(description = "The object's ETag as the store sent it (quoted); every read of the walk was pinned"
            + " to it.", javaType = "String")
    public static final String ETAG = "CamelAstroCloudETag";

    /** Right ascension of the HDU's footprint centre (ObsCore {@code s_ra}). */
    @Metadata(label = "consumer", description = "ObsCore s_ra: right ascension (ICRS, degrees) of the centre of the"
            + " HDU's sky footprint, from its celestial WCS. Absent when the header has none.", javaType = "Double")
    public static final String S_RA = "CamelAstroCloudSRa";

    /** Declination of the HDU's footprint centre (ObsCore {@code s_dec}). */
    @Metadata(label = "consumer", description = "ObsCore s_dec: declination (ICRS, degrees) of the centre of the"
            + " HDU's sky footprint, from its celestial WCS. Absent when the header has none.", javaType = "Double")
    public static final String S_DEC = "CamelAstroCloudSDec";

    /** Start time of the HDU's observation (ObsCore {@code t_min}). */
    @Metadata(label = "consumer", description = "ObsCore t_min: start of the observation (MJD, in the header's time"
            + " scale, ObsCore t_scale), from the HDU's time keywords or its primary header's. Absent when they"
            + " give none.", javaType = "Double")
    public static final String T_MIN = "CamelAstroCloudTMin";

    /** How many HDUs the producer found. */
    @Metadata(label = "producer", description = "How many HDUs the producer found (the size of the body list).",
            javaType = "Integer")
    public static final String HDU_COUNT = "CamelAstroCloudHduCount";

    private AstroCloudConstants() {
    }
}
