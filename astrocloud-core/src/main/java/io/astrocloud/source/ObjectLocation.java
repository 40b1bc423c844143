package io.astrocloud.source;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an object lives, read from its URL: the one place URLs of the built-in stores are parsed.
 * Recognises {@code s3://bucket/key}; Amazon S3 over HTTPS in path style
 * ({@code https://s3.REGION.amazonaws.com/bucket/key}) and virtual-hosted style
 * ({@code https://bucket.s3.REGION.amazonaws.com/key}); S3-compatible services known by their host
 * names (DigitalOcean Spaces {@code https://BUCKET.nyc3.digitaloceanspaces.com/key} or
 * {@code https://nyc3.digitaloceanspaces.com/BUCKET/key}, Wasabi, Backblaze B2, Linode), whose
 * endpoint, region and addressing style come from the URL; local paths and {@code file:} URLs;
 * any other {@code http(s)} URL is plain HTTP, and so is a presigned URL on any host (its query is
 * the credential: {@link #isPresigned(URI)}). A key ending in {@code /} (or empty) names a prefix.
 * Stores of {@link StoreProvider}s (GCS, Azure) parse their own URLs.
 *
 * @param store     which kind of store
 * @param bucket    bucket (S3), or null
 * @param key       object key, decoded (S3), or null
 * @param region    region named by the URL's host, or null
 * @param versionId a {@code versionId} query parameter, or null
 * @param uri       the URL (HTTP), or null
 * @param path      the local path (FILE), or null
 * @param endpoint  the S3-compatible service the URL names ({@code https://nyc3.digitaloceanspaces.com}),
 *                  or null for Amazon S3 and for endpoints set in the access options
 * @param pathStyle whether the URL addresses the bucket in the path rather than the host name
 *                  (meaningful when {@code endpoint} is set)
 */
public record ObjectLocation(Store store, String bucket, String key, String region, String versionId, URI uri,
                             Path path, URI endpoint, boolean pathStyle) {
    /** The kinds of store. */
    public enum Store {
        /** Plain HTTP(S). */
        HTTP,
        /** Amazon S3 or an S3-compatible store. */
        S3,
        /** A local file. */
        FILE
    }

    private static final Pattern S3_PATH_HOST = Pattern.compile("s3(?:[.-](?:dualstack\\.)?([a-z0-9-]+))?\\.amazonaws\\.com");
    private static final Pattern S3_VIRTUAL_HOST =
            Pattern.compile("(.+)\\.s3(?:[.-](?:dualstack\\.)?([a-z0-9-]+))?\\.amazonaws\\.com");

    /**
     * Service hosts of S3-compatible stores, each with its region in group 1 (a missing region
     * means {@code us-east-1}). A bucket's virtual host is {@code BUCKET.} followed by one of them.
     * Spaces CDN hosts ({@code *.cdn.digitaloceanspaces.com}) are not listed: they are plain HTTP.
     */
    private static final List<Pattern> S3_COMPATIBLE_HOSTS = List.of(
            Pattern.compile("((?!cdn\\.)[a-z0-9-]+)\\.digitaloceanspaces\\.com"),
            Pattern.compile("s3(?:\\.([a-z0-9-]+))?\\.wasabisys\\.com"),
            Pattern.compile("s3\\.([a-z0-9-]+)\\.backblazeb2\\.com"),
            Pattern.compile("([a-z0-9-]+)\\.linodeobjects\\.com"));

    /** A location with no S3-compatible endpoint of its own (Amazon S3, HTTP, files). */
    public ObjectLocation(Store store, String bucket, String key, String region, String versionId, URI uri,
                          Path path) {
        this(store, bucket, key, region, versionId, uri, path, null, false);
    }

    /** Parses a URL or a local path. */
    public static ObjectLocation parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no URL given");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://") || lower.startsWith("s3a://")) {
            String rest = url.substring(url.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in " + Redaction.text(url));
            }
            return new ObjectLocation(Store.S3, bucket, key, null, null, null, null);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri = URI.create(url);
            return fromHttp(uri);
        }
        if (lower.startsWith("file:")) {
            return new ObjectLocation(Store.FILE, null, null, null, null, null, Path.of(URI.create(url)));
        }
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported URL scheme: " + Redaction.text(url));
        }
        return new ObjectLocation(Store.FILE, null, null, null, null, null, Path.of(url));
    }

    /**
     * True when {@code uri} carries its own authorisation in its query: an S3 presigned URL
     * ({@code X-Amz-Signature}, or {@code Signature} with {@code AWSAccessKeyId}) or a Cloud Storage
     * signed URL ({@code X-Goog-Signature}, or {@code Signature} with {@code GoogleAccessId}). Such
     * a URL is read as plain HTTP, as it is: signing it again with other credentials would break it.
     */
    public static boolean isPresigned(URI uri) {
        String q = uri.getRawQuery();
        if (q == null) {
            return false;
        }
        boolean signature = false;
        boolean accessId = false;
        for (String pair : q.split("&")) {
            String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='))
                    .toLowerCase(Locale.ROOT);
            if (name.equals("x-amz-signature") || name.equals("x-goog-signature")) {
                return true;
            }
            signature |= name.equals("signature");
            accessId |= name.equals("awsaccesskeyid") || name.equals("googleaccessid");
        }
        return signature && accessId;
    }

    private static ObjectLocation fromHttp(URI uri) {
        if (isPresigned(uri)) {
            return new ObjectLocation(Store.HTTP, null, null, null, null, uri, null);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String versionId = query(uri, "versionId");
        Matcher pathStyle = S3_PATH_HOST.matcher(host);
        if (pathStyle.matches()) {
            String[] bucketAndKey = bucketAndKey(uri);
            return new ObjectLocation(Store.S3, bucketAndKey[0], bucketAndKey[1], region(pathStyle.group(1)),
                    versionId, uri, null);
        }
        Matcher virtual = S3_VIRTUAL_HOST.matcher(host);
        if (virtual.matches()) {
            String key = decode(path.startsWith("/") ? path.substring(1) : path);
            return new ObjectLocation(Store.S3, virtual.group(1), key, region(virtual.group(2)), versionId, uri, null);
        }
        ObjectLocation compatible = onS3CompatibleHost(uri, host);
        if (compatible != null) {
            return compatible;
        }
        return new ObjectLocation(Store.HTTP, null, null, null, null, uri, null);
    }

    /** A URL on a known S3-compatible service, path style or virtual-hosted, or null. */
    private static ObjectLocation onS3CompatibleHost(URI uri, String host) {
        for (int from = 0; ; ) {
            String serviceHost = host.substring(from);
            for (Pattern p : S3_COMPATIBLE_HOSTS) {
                Matcher m = p.matcher(serviceHost);
                if (m.matches()) {
                    URI endpoint = URI.create(uri.getScheme() + "://" + serviceHost
                            + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
                    String region = m.group(1) == null ? "us-east-1" : m.group(1);
                    return from == 0 ? pathStyleOn(uri, endpoint, region) : virtualHostedOn(uri, endpoint, region);
                }
            }
            int dot = host.indexOf('.', from);
            if (dot < 0) {
                return null;
            }
            from = dot + 1;
        }
    }

    /** Reads a path-style S3 URL against a custom endpoint ({@code http://host:port/bucket/key}). */
    public static ObjectLocation pathStyleOn(URI uri) {
        String[] bucketAndKey = bucketAndKey(uri);
        return new ObjectLocation(Store.S3, bucketAndKey[0], bucketAndKey[1], null, query(uri, "versionId"), uri,
                null);
    }

    /**
     * Reads a path-style URL on an S3-compatible {@code endpoint} ({@code ENDPOINT/bucket/key}):
     * requests go to that endpoint in path style, signed for {@code region} (null: the access
     * options' region).
     */
    public static ObjectLocation pathStyleOn(URI uri, URI endpoint, String region) {
        String[] bucketAndKey = bucketAndKey(uri);
        return new ObjectLocation(Store.S3, bucketAndKey[0], bucketAndKey[1], region, query(uri, "versionId"), uri,
                null, endpoint, true);
    }

    /**
     * Reads a virtual-hosted URL on an S3-compatible {@code endpoint}
     * ({@code scheme://BUCKET.endpoint-host/key}): the bucket is what precedes the endpoint's host
     * name; requests go to that endpoint in virtual-hosted style, signed for {@code region}.
     */
    public static ObjectLocation virtualHostedOn(URI uri, URI endpoint, String region) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String suffix = "." + endpoint.getHost().toLowerCase(Locale.ROOT);
        if (!host.endsWith(suffix) || host.length() == suffix.length()) {
            throw new IllegalArgumentException(Redaction.text(uri.toString()) + " is not a bucket host on " + endpoint);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String key = decode(path.startsWith("/") ? path.substring(1) : path);
        return new ObjectLocation(Store.S3, host.substring(0, host.length() - suffix.length()), key, region,
                query(uri, "versionId"), uri, null, endpoint, false);
    }

    /** The same store, bucket and addressing with another key (an object found under a prefix). */
    public ObjectLocation withKey(String newKey) {
        return new ObjectLocation(store, bucket, newKey, region, null, null, path, endpoint, pathStyle);
    }

    /** True when the URL names a prefix (a key that is empty or ends in '/'), not one object. */
    public boolean isPrefix() {
        return store == Store.S3 && (key.isEmpty() || key.endsWith("/"));
    }

    /**
     * The canonical name: {@code s3://bucket/key} (Amazon S3 or the configured endpoint), the
     * HTTPS URL on an S3-compatible service named by the URL, the HTTP URL, or the file's URI.
     */
    public String canonical() {
        switch (store) {
            case S3:
                return endpoint == null ? "s3://" + bucket + "/" + key : serviceUrl();
            case HTTP: return uri.toString();
            default: return path.toUri().toString();
        }
    }

    /** The store and the canonical name, with the URL's secrets masked ({@link Redaction}). */
    @Override
    public String toString() {
        return "ObjectLocation[" + store + " " + Redaction.text(store == Store.HTTP ? uri.toString() : canonical())
                + (versionId == null ? "" : ", versionId=" + versionId) + "]";
    }

    private String serviceUrl() {
        String origin = endpoint.toString().replaceFirst("/+$", "");
        String encodedKey = encodePath(key);
        if (pathStyle) {
            return origin + "/" + bucket + "/" + encodedKey;
        }
        return endpoint.getScheme() + "://" + bucket + "." + origin.substring(endpoint.getScheme().length() + 3)
                + "/" + encodedKey;
    }

    private static String[] bucketAndKey(URI uri) {
        String p = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (p.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + Redaction.text(uri.toString()));
        }
        int slash = p.indexOf('/');
        return new String[] {slash < 0 ? p : p.substring(0, slash), slash < 0 ? "" : decode(p.substring(slash + 1))};
    }

    private static String region(String hostPart) {
        if (hostPart == null || hostPart.equals("external-1")) {
            return hostPart == null ? null : "us-east-1";
        }
        return hostPart;
    }

    private static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Percent-encodes an object name for a URL path, keeping '/' and RFC 3986's unreserved
     * characters (for URLs of objects found under a prefix, in any store).
     */
    public static String encodePath(String key) {
        StringBuilder b = new StringBuilder();
        for (byte c : key.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
