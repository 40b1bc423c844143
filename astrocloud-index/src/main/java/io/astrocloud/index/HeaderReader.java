package io.astrocloud.index;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.OpenedObject;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.source.S3Location;
import io.astrocloud.source.S3StoreProvider;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the headers of exactly the object version an event names, with the core walker: ranged
 * GETs of that version, pinned to the event's ETag (so a file replaced since fails as
 * {@code CHANGED} instead of being indexed under the wrong event), retried on passing failures.
 * A file whose last HDU's data is cut short is reported as a {@link FitsFormatException}, like
 * any other invalid file.
 */
public final class HeaderReader implements HeaderSource {
    /** Walk options of the index: default read-ahead; gzip allowed, since {@code .fits.gz} is one of the suffixes. */
    public static final WalkOptions WALK = WalkOptions.DEFAULT.withGzip(true);

    private final SourceResolver resolver;
    private final WalkOptions walkOptions;

    /**
     * @param resolver    reaches S3 (give it the S3 client with {@code AccessOptions.s3Client})
     * @param walkOptions how to walk (the Lambda allows gzip: {@code .fits.gz} is one of its suffixes)
     */
    public HeaderReader(SourceResolver resolver, WalkOptions walkOptions) {
        this.resolver = resolver;
        this.walkOptions = walkOptions;
    }

    /**
     * A reader over the S3 client {@code s3} (used as it is, never closed here; its own retries should be
     * off), retried by the core's source tier with {@code retry}, walking with {@link #WALK}.
     */
    public static HeaderReader over(S3Client s3, RetryPolicy retry) {
        return new HeaderReader(new SourceResolver(AccessOptions.builder().s3Client(s3).retry(retry).build()), WALK);
    }

    @Override
    public FileHeaders read(ObjectEvent event) throws IOException {
        S3Location location = new S3Location(event.bucket(), event.key(), event.versionId());
        String ifMatch = event.etag() == null ? null : "\"" + ObjectVersion.bareEtag(event.etag()) + "\"";
        // Pinned to the event's ETag, which every S3 object has; the walk plans its reads as for any URL.
        OpenedObject object = resolver.decorate(resolver.provider(S3StoreProvider.class).open(location,
                resolver.options()), new ObjectInfo(-1, ifMatch));
        TransferStats stats = object.stats();
        try (HeaderWalk walk = HeaderWalk.over(object, walkOptions)) {
            List<Hdu> hdus = walk.toList();
            for (Hdu h : hdus) {
                if (!h.complete()) {
                    throw new FitsFormatException(walk.url(), h.index(), h.dataOffset(), "the file is truncated: "
                            + "this HDU's data needs " + h.dataSize() + " bytes, the object ends at byte "
                            + walk.object().size());
                }
            }
            ObjectInfo info = walk.object();
            ObjectVersion version = new ObjectVersion(event.bucket(), event.key(), event.versionId(),
                    info.sizeKnown() ? info.size() : event.size(),
                    ObjectVersion.bareEtag(info.etag() != null ? info.etag() : event.etag()));
            return new FileHeaders(version, hdus, walk.warnings(), stats.requests(), stats.bytesFetched());
        }
    }

    /**
     * The headers of one object version.
     *
     * @param object       what was read
     * @param hdus         its HDUs
     * @param warnings     what the walk tolerated
     * @param requests     GET requests sent (retries included)
     * @param bytesFetched bytes received
     */
    public record FileHeaders(ObjectVersion object, List<Hdu> hdus, List<String> warnings, long requests,
                              long bytesFetched) {
    }
}
