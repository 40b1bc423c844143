package io.astrocloud.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * An in-process HTTP/1.1 server for objects, with what object stores do: single byte ranges
 * (206 with Content-Range, 416 past the end), strong ETags and If-Match (412), HEAD. It can add
 * round-trip latency and a bandwidth cap, ignore Range, and inject {@link Fault}s per path. It
 * counts requests, bytes sent and requests in flight, so tests can assert on the server side.
 */
public final class RangeHttpServer implements AutoCloseable {
    private LoopbackHttpServer server;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultAttempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile long bytesPerSecond;
    private volatile boolean honourRange = true;

    private RangeHttpServer() {
    }

    /** Starts a server on a free loopback port. */
    public static RangeHttpServer start() throws IOException {
        return start(null);
    }

    /** Starts an HTTPS server with {@code tls} on a free loopback port (null: plain HTTP). */
    public static RangeHttpServer start(SSLContext tls) throws IOException {
        RangeHttpServer s = new RangeHttpServer();
        s.server = LoopbackHttpServer.start("range-http", 256, s::handle, tls);
        return s;
    }

    /** The base URI, e.g. {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The URL of an object path such as {@code /data/file.fits}. */
    public String url(String path) {
        return baseUri() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Serves a file at {@code path}. */
    public RangeHttpServer put(String path, Path file) throws IOException {
        objects.put(normalise(path), StoredObject.ofFile(file));
        return this;
    }

    /** Serves bytes at {@code path} (replacing what was there: the ETag changes). */
    public RangeHttpServer put(String path, byte[] bytes) {
        objects.put(normalise(path), StoredObject.ofBytes(bytes));
        return this;
    }

    /** Serves an object at {@code path}. */
    public RangeHttpServer put(String path, StoredObject object) {
        objects.put(normalise(path), object);
        return this;
    }

    /** Serves every regular file of {@code dir} at {@code prefix/NAME}. */
    public RangeHttpServer putDirectory(String prefix, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                    put(prefix + "/" + f.getFileName(), f);
                }
            }
        }
        return this;
    }

    /** Makes requests for {@code path} go through {@code fault} (null removes it). */
    public RangeHttpServer fault(String path, Fault fault) {
        String key = normalise(path);
        faultAttempts.remove(key);
        if (fault == null) {
            faults.remove(key);
        } else {
            faults.put(key, fault);
        }
        return this;
    }

    /** Adds {@code latency} before every response (one round trip's worth). */
    public RangeHttpServer latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Caps the bandwidth of each response body (0: no cap). */
    public RangeHttpServer bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** When false the server ignores Range and answers 200 with the whole body. */
    public RangeHttpServer honourRange(boolean honour) {
        this.honourRange = honour;
        return this;
    }

    /** Requests served since start or the last {@link #resetCounters()}. */
    public long requests() {
        return requests.get();
    }

    /** Requests for one path. */
    public int requests(String path) {
        AtomicInteger n = requestsByPath.get(normalise(path));
        return n == null ? 0 : n.get();
    }

    /** Body bytes written to sockets (bytes the client may have refused to read are included). */
    public long bytesSent() {
        return bytesSent.get();
    }

    /**
     * Waits (at most {@code timeout}) until no request is being answered, so that the counters
     * include every response a client has finished reading: a client can have a whole body before
     * the server's write returns and counts it. Returns false if requests are still in flight.
     */
    public boolean awaitIdle(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(java.time.Duration.ofMillis(1));
        }
        return true;
    }

    /** Requests being answered now (a client may have stopped reading some of them). */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were in flight at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Sets the counters back to zero. */
    public void resetCounters() {
        requests.set(0);
        bytesSent.set(0);
        maxInFlight.set(inFlight.get());
        requestsByPath.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        String path = normalise(ex.getRequestURI().getPath());
        requestsByPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            sleep(latency);
            StoredObject object = objects.get(path);
            Fault fault = faults.get(path);
            if (fault != null) {
                int attempt = faultAttempts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                if (fault.apply(ex, object, attempt)) {
                    return;
                }
            }
            answer(ex, object);
        } catch (IOException clientWentAway) {
            // The client closed the connection early (it read what it needed): nothing to do.
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange ex, StoredObject object) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.sendResponseHeaders(405, -1);
            return;
        }
        if (object == null) {
            sendText(ex, 404, "text/plain", "no such object: " + ex.getRequestURI().getPath());
            return;
        }
        long size = object.size();
        var headers = ex.getResponseHeaders();
        headers.set("ETag", object.etag());
        headers.set("Accept-Ranges", honourRange ? "bytes" : "none");
        headers.set("Content-Type", object.contentType());
        String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(object.etag())) {
            sendText(ex, 412, "text/plain", "precondition failed: ETag is " + object.etag());
            return;
        }
        long start = 0;
        long end = size - 1;
        int status = 200;
        ByteRange range = honourRange ? ByteRange.of(ex.getRequestHeaders().getFirst("Range"), size) : null;
        if (range != null) {
            headers.set("Content-Range", range.contentRange(size));
            if (range.unsatisfiable()) {
                sendText(ex, 416, "text/plain", "range not satisfiable");
                return;
            }
            status = 206;
            start = range.first();
            end = range.last();
        }
        long length = end - start + 1;
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        OutputStream out = ex.getResponseBody();
        object.copyTo(out, start, length, pace());
    }

    private StoredObject.Pace pace() {
        long cap = bytesPerSecond;
        return new StoredObject.Pace() {
            @Override
            public void beforeWrite(int n) {
                if (cap > 0) {
                    sleep(Duration.ofNanos(n * 1_000_000_000L / cap));
                }
            }

            @Override
            public void afterWrite(int n) {
                bytesSent.addAndGet(n);
            }
        };
    }

    /** Answers with a short text body. */
    public static void sendText(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String normalise(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
