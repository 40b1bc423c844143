package io.astrocloud.source;

import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Ranged reads of one S3 object (or one version of it) with the AWS SDK v2: GetObject with a
 * Range, If-Match, and {@code x-amz-request-payer} when the caller agrees to pay. The size comes
 * from the first response's Content-Range. Works with any S3-compatible store the client points at.
 */
public final class S3RangeSource implements RangeSource {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String versionId;
    private final boolean requesterPays;
    private final long maxDiscard;
    private final String url;

    /**
     * @param s3            the client (shared; not closed by this source)
     * @param bucket        the bucket
     * @param key           the object key (decoded)
     * @param versionId     a version to read, or null for the current one
     * @param requesterPays send {@code x-amz-request-payer: requester}
     * @param maxDiscard    leading bytes to read through when a store ignores Range
     */
    public S3RangeSource(S3Client s3, String bucket, String key, String versionId,
                         boolean requesterPays, long maxDiscard) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.versionId = versionId;
        this.requesterPays = requesterPays;
        this.maxDiscard = maxDiscard;
        this.url = "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request(r.httpRange(), r.ifMatch()))) {
            GetObjectResponse resp = in.response();
            long transferred = 0;
            long size;
            if (resp.contentRange() != null) {
                ContentRange range = ContentRange.parse(resp.contentRange());
                if (range == null || range.first() != r.offset()) {
                    in.abort();
                    throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url, r.offset(), 206, null,
                            "Content-Range \"" + resp.contentRange() + "\" does not start at the offset asked for",
                            null);
                }
                size = range.size();
            } else {
                // The store ignored Range and sends the whole object.
                size = resp.contentLength() == null ? -1 : resp.contentLength();
                if (r.offset() > maxDiscard) {
                    in.abort();
                    throw new SourceException(SourceException.Reason.RANGE_IGNORED, url, r.offset(),
                            "reaching this offset would mean downloading " + r.offset() + " bytes first");
                }
                if (size >= 0 && r.offset() >= size) {
                    in.abort();
                    throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url, r.offset(),
                            "object has " + size + " bytes");
                }
                in.skipNBytes(r.offset());
                transferred = r.offset();
            }
            byte[] bytes = in.readNBytes(r.length());
            transferred += bytes.length;
            if (resp.contentRange() == null && in.read() >= 0) {
                in.abort(); // more of an unranged body follows: drop the connection rather than drain it
            }
            return new FetchedRange(r.offset(), bytes, new ObjectInfo(size, resp.eTag()), transferred);
        } catch (S3Exception e) {
            throw mapped(e, r.offset());
        } catch (SdkClientException e) {
            throw mapped(e, r.offset());
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            // The body broke off (connection reset, fewer bytes than Content-Length): worth retrying.
            throw new SourceException(SourceException.Reason.TRANSIENT, url, r.offset(), 0, null,
                    "body interrupted: " + e, e);
        }
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(request(offset == 0 ? null : "bytes=" + offset + "-", ifMatch));
        } catch (S3Exception e) {
            throw mapped(e, offset);
        } catch (SdkClientException e) {
            throw mapped(e, offset);
        }
        GetObjectResponse resp = in.response();
        long size = -1;
        if (resp.contentRange() != null) {
            ContentRange range = ContentRange.parse(resp.contentRange());
            size = range == null ? -1 : range.size();
        } else if (resp.contentLength() != null) {
            size = resp.contentLength();
            if (offset > 0) {
                in.skipNBytes(offset);
            }
        }
        // A body closed before its end aborts the connection rather than draining it.
        SdkBody body = new SdkBody(in, offset, (e, at) -> new SourceException(SourceException.Reason.TRANSIENT, url,
                at, 0, null, "body interrupted: " + e, e), in::abort);
        return new ObjectStream(body, new ObjectInfo(size, resp.eTag()));
    }

    private GetObjectRequest request(String range, String ifMatch) {
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(bucket).key(key);
        if (range != null) {
            b.range(range);
        }
        if (versionId != null) {
            b.versionId(versionId);
        }
        if (ifMatch != null) {
            b.ifMatch(ifMatch);
        }
        if (requesterPays) {
            b.requestPayer(RequestPayer.REQUESTER);
        }
        return b.build();
    }

    private SourceException mapped(S3Exception e, long offset) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage()
                : code + " - " + e.awsErrorDetails().errorMessage();
        java.time.Duration retryAfter = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
                ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                        .map(ErrorBody::retryAfter).orElse(null);
        SourceException.Reason reason = SourceException.reasonForStatus(e.statusCode(), code);
        if (e.statusCode() == 403 && !requesterPays) {
            message += " (if the bucket is requester-pays, agree to pay with --requester-pays)";
        }
        return new SourceException(reason, url, offset, e.statusCode(), retryAfter, message, e);
    }

    private SourceException mapped(SdkClientException e, long offset) {
        boolean timeout = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        if (!timeout && e.getMessage() != null && e.getMessage().contains("Unable to load credentials")) {
            return new SourceException(SourceException.Reason.ACCESS_DENIED, url, offset, 0, null,
                    e.getMessage() + " (for a public bucket, use anonymous access)", e);
        }
        return new SourceException(timeout ? SourceException.Reason.TIMEOUT : SourceException.Reason.TRANSIENT,
                url, offset, 0, null, e.getMessage(), e);
    }
}
