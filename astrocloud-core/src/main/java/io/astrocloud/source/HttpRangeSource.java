package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranged reads over plain HTTP(S) with {@link HttpClient}. The object's size comes from the
 * Content-Range of the first 206 (no HEAD round trip). A server that ignores Range (200 with the
 * whole body) is read only as far as needed and then cut off; past {@code maxDiscard} bytes it is
 * refused rather than read through. Redirects are followed by {@link Redirects} (never by the
 * client: the caller's headers stay with their origin); 4xx, 5xx, redirect loops and HTML pages
 * become {@link SourceException}s naming the URL and offset.
 */
public final class HttpRangeSource implements RangeSource {
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)");
    private static final int ERROR_BODY_LIMIT = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(HttpRangeSource.class);

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

    /**
     * An HTTP/1.1 client that never follows redirects itself: the source does, keeping the
     * caller's headers on their origin ({@link Redirects}).
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public String url() {
        return uri.toString();
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        Exchange<BodyCollector.Collected> exchange = send(r.offset(), r.httpRange(), r.ifMatch(),
                info -> collectorFor(info, r));
        HttpResponse<BodyCollector.Collected> response = exchange.response();
        int status = response.statusCode();
        BodyCollector.Collected body = response.body();
        if (status != 200 && status != 206) {
            throw failure(exchange, body.bytes(), r.offset());
        }
        rejectHtml(response.headers(), body.bytes(), r.offset());
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (status == 206) {
            ContentRange range = contentRange(response.headers(), r.offset(), true);
            return new FetchedRange(r.offset(), body.bytes(), new ObjectInfo(range.size(), etag), body.transferred());
        }
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (r.offset() > maxDiscard) {
            throw rangeIgnored(r.offset());
        }
        if (r.offset() > 0) {
            LOG.debug("{} ignores Range: {} bytes of the whole body read through and dropped", Redaction.text(url()),
                    r.offset());
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
        Exchange<InputStream> exchange = send(offset, "bytes=" + offset + "-", ifMatch, info -> {
            int status = info.statusCode();
            if (status == 200 || status == 206) {
                return new BodyStream(timeout, url(), status == 206 ? offset : 0);
            }
            return mapped(new BodyCollector(0, ERROR_BODY_LIMIT, bodyLength(info)));
        });
        HttpResponse<InputStream> response = exchange.response();
        int status = response.statusCode();
        if (status != 200 && status != 206) {
            byte[] error = response.body().readAllBytes();
            throw failure(exchange, error, offset);
        }
        InputStream body = response.body();
        String etag = response.headers().firstValue("ETag").orElse(null);
        long size;
        if (status == 206) {
            ContentRange range;
            try {
                range = contentRange(response.headers(), offset, false);
            } catch (SourceException e) {
                body.close();
                throw e;
            }
            size = range == null ? -1 : range.size();
        } else {
            size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (offset > 0) {
                body.skipNBytes(offset);
            }
        }
        return new ObjectStream(body, new ObjectInfo(size, etag));
    }

    /** A 206's Content-Range, which must start at {@code offset} (and be there, when {@code required}). */
    private ContentRange contentRange(HttpHeaders h, long offset, boolean required) throws SourceException {
        String header = h.firstValue("Content-Range").orElse(null);
        ContentRange range = ContentRange.parse(header);
        if (range == null && required || range != null && range.first() != offset) {
            throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url(), offset, 206, null,
                    "206 with Content-Range \"" + (header == null ? "" : header)
                            + "\" does not start at the offset asked for", null);
        }
        return range;
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

    /** A response and the hop that got it (the last of the redirects followed). */
    private record Exchange<T>(HttpResponse<T> response, Redirects.Hop hop) {
    }

    /**
     * Sends a GET with {@code range} and {@code ifMatch}, following redirects through
     * {@link Redirects}: the one place this source sends requests.
     */
    private <T> Exchange<T> send(long offset, String range, String ifMatch, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        Redirects.Hop hop = Redirects.Hop.first(uri, headers);
        while (true) {
            HttpResponse<T> response = await(client.sendAsync(request(hop, range, ifMatch), handler), offset);
            if (!Redirects.isRedirect(response.statusCode())) {
                return new Exchange<>(response, hop);
            }
            if (response.body() instanceof InputStream) {
                ((InputStream) response.body()).close();
            }
            Redirects.Hop next = Redirects.next(hop, response.statusCode(), response.headers(), url(), offset);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} from {} to {}{}", response.statusCode(), Redaction.text(hop.uri().toString()),
                        Redaction.text(next.uri().toString()),
                        next.userHeaders().size() < hop.userHeaders().size() ? " (another origin: "
                                + "the request's own headers are not sent there)" : "");
            }
            hop = next;
        }
    }

    private HttpRequest request(Redirects.Hop hop, String range, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hop.uri()).GET().timeout(timeout).header("Range", range);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        hop.userHeaders().forEach(b::header);
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
        if (cause instanceof IllegalArgumentException || cause instanceof SecurityException) {
            return new SourceException(SourceException.Reason.REJECTED, url(), offset, 0, null,
                    SourceException.describe(cause), cause);
        }
        return SourceException.fromIoFailure(url(), offset, cause);
    }

    private SourceException failure(Exchange<?> exchange, byte[] body, long offset) {
        int status = exchange.response().statusCode();
        HttpHeaders h = exchange.response().headers();
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
        if (exchange.hop().redirects() > 0) {
            detail = (detail.isEmpty() ? "" : detail + " ") + "(redirected to " + exchange.hop().uri() + ")";
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
