package io.astrocloud.camel;

import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import org.apache.camel.Message;

/** Writes what is known about an object and one of its HDUs into message headers. */
final class HduMessage {
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
}
