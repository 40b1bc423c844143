package io.astrocloud.azure;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobDownloadHeaders;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.DownloadRetryOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import io.astrocloud.source.ContentRange;
import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.ObjectStream;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SdkBody;
import io.astrocloud.source.SourceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * Ranged reads of one blob with azure-storage-blob: Get Blob with {@code x-ms-range} and
 * {@code If-Match}. Size and ETag come from each response (Content-Range, ETag), so a blob
 * replaced mid-walk fails with {@link SourceException.Reason#CHANGED} (412 ConditionNotMet).
 */
final class AzureRangeSource implements RangeSource {
    private static final DownloadRetryOptions NO_SDK_RETRIES = new DownloadRetryOptions().setMaxRetryRequests(0);
    private static final int STREAM_BLOCK = 4 * 1024 * 1024;

    private final BlobClient blob;
    private final String url;
    private final Duration timeout;
    private final boolean anonymous;

    /**
     * @param blob      the blob's client (shared; nothing to close)
     * @param url       the blob's URL without its query, for messages
     * @param timeout   how long one read may take
     * @param anonymous whether requests carry no credentials (for hints in messages)
     */
    AzureRangeSource(BlobClient blob, String url, Duration timeout, boolean anonymous) {
        this.blob = blob;
        this.url = url;
        this.timeout = timeout;
        this.anonymous = anonymous;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(r.length());
        BlobDownloadHeaders headers;
        try {
            headers = blob.downloadStreamWithResponse(out, new BlobRange(r.offset(), (long) r.length()),
                    NO_SDK_RETRIES, conditions(r.ifMatch()), false, timeout, Context.NONE).getDeserializedHeaders();
        } catch (RuntimeException e) {
            throw AzureErrors.mapped(e, url, r.offset(), anonymous);
        }
        ContentRange range = ContentRange.parse(headers.getContentRange());
        long size = range != null ? range.size() : headers.getContentLength() == null ? -1 : headers.getContentLength();
        if (size >= 0 && r.offset() >= size) {
            // Azure answers 416 InvalidRange; Azurite answers an offset equal to the size with no bytes.
            throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url, r.offset(),
                    "blob has " + size + " bytes");
        }
        if (range != null && range.first() != r.offset()) {
            throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url, r.offset(), 206, null,
                    "Content-Range \"" + headers.getContentRange() + "\" does not start at the offset asked for", null);
        }
        byte[] bytes = out.toByteArray();
        return new FetchedRange(r.offset(), bytes, new ObjectInfo(size, headers.getETag()), bytes.length);
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        try {
            BlobInputStream in = blob.openInputStream(new BlobInputStreamOptions().setRange(new BlobRange(offset))
                    .setRequestConditions(conditions(ifMatch)).setBlockSize(STREAM_BLOCK));
            BlobProperties p = in.getProperties();
            return new ObjectStream(new SdkBody(in, url, offset), new ObjectInfo(p.getBlobSize(), p.getETag()));
        } catch (RuntimeException e) {
            throw AzureErrors.mapped(e, url, offset, anonymous);
        }
    }

    private static BlobRequestConditions conditions(String ifMatch) {
        return ifMatch == null ? null : new BlobRequestConditions().setIfMatch(ifMatch);
    }
}
