package io.astrocloud.camel;

import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes what is known about an object and one of its HDUs into message headers. */
final class HduMessage {
    /**
     * The exchange property holding the object's {@link ObsCoreRows}, shared by the exchanges of
     * its HDUs (and copied to the parts of a split): the converter to {@link ObsCore} reads it.
     */
    static final String OBSCORE_ROWS = "CamelAstroCloudObsCoreRows";

    private HduMessage() {
    }

    /** The object's URL, size (when the store said) and ETag. */
    static void describeObject(Message message, String url, ObjectInfo object) {
        message.setHeader(AstroCloudConstants.URL, url);
        if (object.sizeKnown()) {
            message.setHeader(AstroCloudConstants.OBJECT_SIZE, object.size());
        }
        if (object.etag() != null) {
            message.setHeader(AstroCloudConstants.ETAG, object.etag());
        }
    }

    /** Where the HDU's header and data lie, and its type. */
    static void describeHdu(Message message, Hdu hdu) {
        message.setHeader(AstroCloudConstants.HDU_INDEX, hdu.index());
        message.setHeader(AstroCloudConstants.HDU_TYPE, hdu.type());
        message.setHeader(AstroCloudConstants.HEADER_OFFSET, hdu.headerOffset());
        message.setHeader(AstroCloudConstants.HEADER_SIZE, hdu.headerSize());
        message.setHeader(AstroCloudConstants.DATA_OFFSET, hdu.dataOffset());
        message.setHeader(AstroCloudConstants.DATA_SIZE, hdu.dataSize());
        message.setHeader(AstroCloudConstants.HDU_COMPLETE, hdu.complete());
    }

    /** The ObsCore columns people route by, when the HDU's row has them: s_ra, s_dec, t_min. */
    static void describeObservation(Message message, ObsCore obs) {
        obs.real(ObsCoreColumn.S_RA).ifPresent(v -> message.setHeader(AstroCloudConstants.S_RA, v));
        obs.real(ObsCoreColumn.S_DEC).ifPresent(v -> message.setHeader(AstroCloudConstants.S_DEC, v));
        obs.real(ObsCoreColumn.T_MIN).ifPresent(v -> message.setHeader(AstroCloudConstants.T_MIN, v));
    }

    /** The object's rows, for the converter to {@link ObsCore}. */
    static void keepRows(Exchange exchange, ObsCoreRows rows) {
        exchange.setProperty(OBSCORE_ROWS, rows);
    }
}
