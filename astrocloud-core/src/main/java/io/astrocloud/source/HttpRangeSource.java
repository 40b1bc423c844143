package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranged reads over plain HTTP(S) with {@link HttpClient}. The object's size comes from the
 * Content-Range of the first 206 (no HEAD round trip). A server that ignores Range (200 with the
 * whole body) is read only as far as needed and then cut off; past {@code maxDiscard} bytes it is
 * refused rather than read through. Redirects are followed; 4xx, 5xx, redirect loops and HTML
 * pages become {@link SourceException}s naming the URL and offset.
 */
public final class HttpRangeSource implements RangeSource {
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)");
    private static final int ERROR_BODY_LIMIT = 2048;

    private final URI uri;
    private final HttpClient client;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final long maxDiscard;

    /**
     * @param uri        the object's URL
     * @param client     the client to send with (shared; not closed by this source)
     * @param headers    extra request headers (Authorization, cookies, ...)
     * @param timeout    how long a read may take, and how long a stream may stall
     * @param maxDiscard how many leading bytes to read through and drop when the server ignores Range
     */
    public HttpRangeSource(URI uri, HttpClient client, Map<String, String> headers, Duration timeout,
                           long maxDiscard) {
        this.uri = uri;
        this.client = client;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.maxDiscard = maxDiscard;
    }

    /** An HTTP/1.1 client that follows redirects (not from HTTPS to HTTP). */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public String url() {
        return uri.toString();
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        HttpRequest request = request(r.offset(), r.httpRange(), r.ifMatch());
        HttpResponse<BodyCollector.Collected> response = await(
                client.sendAsync(request, info -> collectorFor(info, r)), r.offset());
        int status = response.statusCode();
        BodyCollector.Collected body = response.body();
        if (status != 200 && status != 206) {
            throw failure(status, response.headers(), body.bytes(), r.offset());
        }
        rejectHtml(response.headers(), body.bytes(), r.offset());
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (status == 206) {
            ContentRange range = ContentRange.parse(response.headers().firstValue("Content-Range").orElse(null));
            if (range == null || range.first() != r.offset()) {
                throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url(), r.offset(), status, null,
                        "206 with Content-Range \"" + response.headers().firstValue("Content-Range").orElse("")
                                + "\" does not start at the offset asked for", null);
            }
            return new FetchedRange(r.offset(), body.bytes(), new ObjectInfo(range.size(), etag), body.transferred());
        }
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (r.offset() > maxDiscard) {
            throw rangeIgnored(r.offset());
        }
        if (size < 0 && body.bytes().length < r.length()) {
            // The whole (unsized) body ended within the window: now its size is known.
            size = r.offset() + body.bytes().length;
        }
        if (size >= 0 && r.offset() >= size) {
            throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url(), r.offset(),
                    "object has " + size + " bytes");
        }
        return new FetchedRange(r.offset(), body.bytes(), new ObjectInfo(size, etag), body.transferred());
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        HttpRequest request = request(offset, "bytes=" + offset + "-", ifMatch);
        HttpResponse<InputStream> response = await(client.sendAsync(request, info -> {
            int status = info.statusCode();
            if (status == 200 || status == 206) {
                return new BodyStream(timeout, url(), status == 206 ? offset : 0);
            }
            return mapped(new BodyCollector(0, ERROR_BODY_LIMIT, bodyLength(info)));
        }), offset);
        int status = response.statusCode();
        if (status != 200 && status != 206) {
            byte[] error = response.body().readAllBytes();
            throw failure(status, response.headers(), error, offset);
        }
        InputStream body = response.body();
        String etag = response.headers().firstValue("ETag").orElse(null);
        long size;
        if (status == 206) {
            ContentRange range = ContentRange.parse(response.headers().firstValue("Content-Range").orElse(null));
            size = range == null ? -1 : range.size();
        } else {
            size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (offset > 0) {
                body.skipNBytes(offset);
            }
        }
        return new ObjectStream(body, new ObjectInfo(size, etag));
    }

    private HttpResponse.BodySubscriber<BodyCollector.Collected> collectorFor(HttpResponse.ResponseInfo info,
                                                                               RangeRequest r) {
        int status = info.statusCode();
        long length = bodyLength(info);
        if (status == 206) {
            return new BodyCollector(0, r.length(), length);
        }
        if (status == 200) {
            if (r.offset() > maxDiscard) {
                return new BodyCollector(0, 0, length);
            }
            return new BodyCollector(r.offset(), r.length(), length);
        }
        return new BodyCollector(0, ERROR_BODY_LIMIT, length);
    }

    private static long bodyLength(HttpResponse.ResponseInfo info) {
        return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static HttpResponse.BodySubscriber<InputStream> mapped(BodyCollector collector) {
        return HttpResponse.BodySubscribers.mapping(collector,
                c -> new java.io.ByteArrayInputStream(c.bytes()));
    }

    private HttpRequest request(long offset, String range, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Range", range);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        headers.forEach(b::header);
        return b.build();
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, long offset) throws IOException {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SourceException(SourceException.Reason.TIMEOUT, url(), offset, 0, null,
                    "no complete answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading " + Redaction.text(url()));
        } catch (ExecutionException e) {
            throw ioFailure(e.getCause(), offset);
        }
    }

    private SourceException ioFailure(Throwable cause, long offset) {
        if (cause instanceof SourceException) {
            return (SourceException) cause;
        }
        String text = String.valueOf(cause.getMessage());
        if (cause instanceof HttpTimeoutException) {
            return new SourceException(SourceException.Reason.TIMEOUT, url(), offset, 0, null, text, cause);
        }
        if (text.contains("too many redirects")) {
            return new SourceException(SourceException.Reason.NOT_AN_OBJECT, url(), offset, 0, null,
                    "redirect loop: " + text, cause);
        }
        if (cause instanceof IllegalArgumentException || cause instanceof SecurityException) {
            return new SourceException(SourceException.Reason.REJECTED, url(), offset, 0, null, text, cause);
        }
        return new SourceException(SourceException.Reason.TRANSIENT, url(), offset, 0, null,
                cause.getClass().getSimpleName() + ": " + text, cause);
    }

    private SourceException failure(int status, HttpHeaders h, byte[] body, long offset) {
        String detail = ErrorBody.describe(body);
        if (status == 416) {
            Matcher m = UNSATISFIED.matcher(h.firstValue("Content-Range").orElse(""));
            if (m.matches()) {
                detail = "object has " + m.group(1) + " bytes";
            }
        }
        if (status >= 300 && status < 400) {
            detail = "redirect not followed (" + h.firstValue("Location").orElse("no Location") + ")";
        }
        return new SourceException(SourceException.reasonForStatus(status, ErrorBody.s3Code(body)), url(), offset,
                status, ErrorBody.retryAfter(h.firstValue("Retry-After").orElse(null)), detail, null);
    }

    private void rejectHtml(HttpHeaders h, byte[] body, long offset) throws SourceException {
        String type = h.firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("text/html")) {
            return;
        }
        String start = new String(body, 0, Math.min(body.length, 9), StandardCharsets.US_ASCII);
        if (start.equals("SIMPLE  =") || start.equals("XTENSION=")) {
            return; // A FITS file served with the wrong type: still the object.
        }
        throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url(), offset, 200, null,
                "got an HTML page instead of the object: " + ErrorBody.describe(body), null);
    }

    private SourceException rangeIgnored(long offset) {
        return new SourceException(SourceException.Reason.RANGE_IGNORED, url(), offset,
                "reaching this offset would mean downloading " + offset + " bytes first (limit "
                        + maxDiscard + "); use a server or URL that supports HTTP Range requests");
    }
}
