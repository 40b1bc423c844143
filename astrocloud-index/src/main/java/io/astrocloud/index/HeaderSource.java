package io.astrocloud.index;

import java.io.IOException;

/**
 * Where the {@link Indexer} reads the headers of the object version an event names: S3, through
 * the core's walker ({@link HeaderReader}), in every deployment.
 */
@FunctionalInterface
public interface HeaderSource {
    /**
     * The headers of the object {@code event} names.
     *
     * @throws io.astrocloud.fits.FitsFormatException when the object is not valid FITS
     * @throws io.astrocloud.source.SourceException    when the store fails, or the object changed or is gone
     * @throws IOException                             on other read failures
     */
    HeaderReader.FileHeaders read(ObjectEvent event) throws IOException;
}
