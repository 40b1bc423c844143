package io.astrocloud.testkit.gcs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.astrocloud.testkit.http.ByteRange;
import io.astrocloud.testkit.http.LoopbackHttpServer;
import io.astrocloud.testkit.http.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protocol-level test double of the Google Cloud Storage JSON API, in-process, for what a reader
 * uses. No GCS emulator installs here, so tests point the real google-cloud-storage client at this
 * server ({@code StorageOptions.setHost}). It speaks the documented API:
 * <ul>
 * <li>{@code GET /storage/v1/b/BUCKET/o/OBJECT}: the object resource (name, bucket, generation,
 *     metageneration, size, etag, ...);</li>
 * <li>the same with {@code alt=media} (also under {@code /download}): the object's bytes, honouring
 *     one {@code Range} (206 with Content-Range, 416 at or past the end), with the headers GCS sends
 *     (ETag, x-goog-generation, x-goog-metageneration, x-goog-stored-content-length, ...);</li>
 * <li>{@code generation}, {@code ifGenerationMatch}, {@code ifMetagenerationMatch} (412
 *     conditionNotMet); {@code userProject}, required by requester-pays buckets (400);</li>
 * <li>private buckets: 401 without a bearer token, 403 with one not issued by a
 *     {@link TestServiceAccount} of this server;</li>
 * <li>{@code GET /storage/v1/b/BUCKET/o?prefix=...&pageToken=...}: listing, in pages;</li>
 * <li>errors as GCS writes them: {@code {"error": {"code", "message", "errors": [{"reason", ...}]}}}.</li>
 * </ul>
 * Each object keeps only its live generation. Requests are counted.
 */
public final class TestGcs implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECTS = Pattern.compile("(?:/download)?/storage/v1/b/([^/]+)/o(?:/(.+))?");
    private static final AtomicLong GENERATIONS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** A bucket: who may read it and who pays, and its objects by name. */
    private record Bucket(boolean publicRead, boolean requesterPays, NavigableMap<String, Version> objects) {
    }

    /** The live generation of an object. */
    private record Version(StoredObject content, long generation, long metageneration, Instant updated) {
        String etag() {
            return Base64.getEncoder().encodeToString((generation + "/" + metageneration)
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private LoopbackHttpServer server;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, TestServiceAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong mediaRequests = new AtomicLong();
    private volatile int listPageSize = 1000;

    private TestGcs() {
    }

    /** Starts the double on a free loopback port. */
    public static TestGcs start() throws IOException {
        TestGcs gcs = new TestGcs();
        gcs.server = LoopbackHttpServer.start("test-gcs", 64, gcs::handle);
        return gcs;
    }

    /** The host to give the client ({@code StorageOptions.setHost}), e.g. {@code http://127.0.0.1:PORT}. */
    public String host() {
        return server.baseUri().toString();
    }

    /** Creates a bucket (replacing one of that name). */
    public TestGcs createBucket(String name, boolean publicRead, boolean requesterPays) {
        buckets.put(name, new Bucket(publicRead, requesterPays, new ConcurrentSkipListMap<>()));
        return this;
    }

    /** Stores a file as an object: a new generation. */
    public TestGcs put(String bucket, String name, Path file) throws IOException {
        return put(bucket, name, StoredObject.ofFile(file));
    }

    /** Stores bytes as an object: a new generation. */
    public TestGcs put(String bucket, String name, byte[] bytes) {
        return put(bucket, name, StoredObject.ofBytes(bytes));
    }

    private TestGcs put(String bucket, String name, StoredObject content) {
        buckets.get(bucket).objects().put(name, new Version(content, GENERATIONS.incrementAndGet(), 1, Instant.now()));
        return this;
    }

    /** Updates an object's metadata only: its metageneration (and etag) change, its generation does not. */
    public void touchMetadata(String bucket, String name) {
        buckets.get(bucket).objects().computeIfPresent(name, (k, v) ->
                new Version(v.content(), v.generation(), v.metageneration() + 1, Instant.now()));
    }

    /** The live generation of an object. */
    public long generation(String bucket, String name) {
        return buckets.get(bucket).objects().get(name).generation();
    }

    /** A service account whose tokens may read private buckets; its token endpoint is on this server. */
    public TestServiceAccount serviceAccount(String email) {
        return accounts.computeIfAbsent(email, e -> new TestServiceAccount(e, URI.create(host() + "/token/" + e)));
    }

    /** How many objects a listing page holds (GCS: up to 1,000). */
    public void listPageSize(int size) {
        this.listPageSize = size;
    }

    /** Requests answered. */
    public long requests() {
        return requests.get();
    }

    /** Media (alt=media) requests answered. */
    public long mediaRequests() {
        return mediaRequests.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/token/") && ex.getRequestMethod().equals("POST")) {
                issueToken(ex, URLDecoder.decode(path.substring("/token/".length()), StandardCharsets.UTF_8));
                return;
            }
            Matcher m = OBJECTS.matcher(path);
            Bucket bucket = m.matches() ? buckets.get(decode(m.group(1))) : null;
            if (bucket == null || !ex.getRequestMethod().equals("GET")) {
                error(ex, 404, "notFound", "The specified bucket does not exist.");
                return;
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            if (refusedCaller(ex, bucket, query)) {
                return;
            }
            if (m.group(2) == null) {
                list(ex, decode(m.group(1)), bucket, query);
            } else {
                get(ex, decode(m.group(1)), decode(m.group(2)), bucket, query);
            }
        } catch (IOException clientWentAway) {
            // The client closed the connection early (it read what it needed).
        }
    }

    private boolean refusedCaller(HttpExchange ex, Bucket bucket, Map<String, String> query) throws IOException {
        if (!bucket.publicRead()) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                error(ex, 401, "required", "Anonymous caller does not have storage.objects.get access to the Google"
                        + " Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not"
                        + " exist).");
                return true;
            }
            String token = auth.startsWith("Bearer ") ? auth.substring(7) : "";
            if (accounts.values().stream().noneMatch(a -> a.accepts(token))) {
                error(ex, 403, "forbidden", "The caller does not have storage.objects.get access.");
                return true;
            }
        }
        if (bucket.requesterPays() && query.get("userProject") == null) {
            error(ex, 400, "required", "Bucket is a requester pays bucket but no user project provided.");
            return true;
        }
        return false;
    }

    private void get(HttpExchange ex, String bucketName, String name, Bucket bucket, Map<String, String> query)
            throws IOException {
        Version v = bucket.objects().get(name);
        if (v == null || query.containsKey("generation") && Long.parseLong(query.get("generation")) != v.generation()) {
            error(ex, 404, "notFound", "No such object: " + bucketName + "/" + name);
            return;
        }
        if (query.containsKey("ifGenerationMatch") && Long.parseLong(query.get("ifGenerationMatch")) != v.generation()
                || query.containsKey("ifMetagenerationMatch")
                && Long.parseLong(query.get("ifMetagenerationMatch")) != v.metageneration()) {
            error(ex, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        if (!"media".equals(query.get("alt"))) {
            send(ex, 200, resource(bucketName, name, v).toString());
            return;
        }
        mediaRequests.incrementAndGet();
        long size = v.content().size();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", v.content().contentType());
        h.set("ETag", "\"" + v.etag() + "\"");
        h.set("x-goog-generation", Long.toString(v.generation()));
        h.set("x-goog-metageneration", Long.toString(v.metageneration()));
        h.set("x-goog-stored-content-length", Long.toString(size));
        h.set("x-goog-stored-content-encoding", "identity");
        h.set("x-goog-storage-class", "STANDARD");
        ByteRange range = ByteRange.of(ex.getRequestHeaders().getFirst("Range"), size);
        if (range != null && range.unsatisfiable()) {
            h.set("Content-Range", range.contentRange(size));
            error(ex, 416, "requestedRangeNotSatisfiable", "The requested range cannot be satisfied.");
            return;
        }
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        if (range != null) {
            h.set("Content-Range", range.contentRange(size));
        }
        ex.sendResponseHeaders(range == null ? 200 : 206, length == 0 ? -1 : length);
        v.content().copyTo(ex.getResponseBody(), first, length, StoredObject.Pace.NONE);
    }

    private void list(HttpExchange ex, String bucketName, Bucket bucket, Map<String, String> query)
            throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String from = query.getOrDefault("pageToken", prefix);
        int pageSize = Math.min(listPageSize, Integer.parseInt(query.getOrDefault("maxResults", "1000")));
        ObjectNode page = JSON.createObjectNode().put("kind", "storage#objects");
        ArrayNode items = page.putArray("items");
        for (Map.Entry<String, Version> e : bucket.objects().tailMap(from, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (items.size() == pageSize) {
                page.put("nextPageToken", e.getKey());
                break;
            }
            items.add(resource(bucketName, e.getKey(), e.getValue()));
        }
        send(ex, 200, page.toString());
    }

    private ObjectNode resource(String bucket, String name, Version v) throws IOException {
        return JSON.createObjectNode()
                .put("kind", "storage#object")
                .put("id", bucket + "/" + name + "/" + v.generation())
                .put("name", name)
                .put("bucket", bucket)
                .put("generation", Long.toString(v.generation()))
                .put("metageneration", Long.toString(v.metageneration()))
                .put("contentType", v.content().contentType())
                .put("storageClass", "STANDARD")
                .put("size", Long.toString(v.content().size()))
                .put("etag", v.etag())
                .put("timeCreated", v.updated().toString())
                .put("updated", v.updated().toString());
    }

    private void issueToken(HttpExchange ex, String email) throws IOException {
        TestServiceAccount account = accounts.get(email);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer = account == null ? null : account.exchange(body);
        if (answer == null) {
            send(ex, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}");
        } else {
            send(ex, 200, answer);
        }
    }

    private static void error(HttpExchange ex, int status, String reason, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        send(ex, status, body.toString());
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
