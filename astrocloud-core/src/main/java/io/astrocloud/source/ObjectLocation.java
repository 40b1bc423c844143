package io.astrocloud.source;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an object lives, read from its URL: the one place URLs are parsed. Recognises
 * {@code s3://bucket/key}; S3 over HTTPS in path style ({@code https://s3.REGION.amazonaws.com/bucket/key})
 * and virtual-hosted style ({@code https://bucket.s3.REGION.amazonaws.com/key}); local paths
 * and {@code file:} URLs; any other {@code http(s)} URL is plain HTTP. A key ending in {@code /}
 * (or empty) names a prefix.
 *
 * @param store     which kind of store
 * @param bucket    bucket (S3), or null
 * @param key       object key, decoded (S3), or null
 * @param region    region named by the URL's host, or null
 * @param versionId a {@code versionId} query parameter, or null
 * @param uri       the URL (HTTP), or null
 * @param path      the local path (FILE), or null
 */
public record ObjectLocation(Store store, String bucket, String key, String region, String versionId, URI uri,
                             Path path) {
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
                throw new IllegalArgumentException("no bucket in " + url);
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
            throw new IllegalArgumentException("unsupported URL scheme: " + url);
        }
        return new ObjectLocation(Store.FILE, null, null, null, null, null, Path.of(url));
    }

    private static ObjectLocation fromHttp(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String versionId = query(uri, "versionId");
        Matcher pathStyle = S3_PATH_HOST.matcher(host);
        if (pathStyle.matches()) {
            String p = path.startsWith("/") ? path.substring(1) : path;
            int slash = p.indexOf('/');
            if (p.isEmpty()) {
                throw new IllegalArgumentException("no bucket in " + uri);
            }
            String bucket = slash < 0 ? p : p.substring(0, slash);
            String key = slash < 0 ? "" : decode(p.substring(slash + 1));
            return new ObjectLocation(Store.S3, bucket, key, region(pathStyle.group(1)), versionId, uri, null);
        }
        Matcher virtual = S3_VIRTUAL_HOST.matcher(host);
        if (virtual.matches()) {
            String key = decode(path.startsWith("/") ? path.substring(1) : path);
            return new ObjectLocation(Store.S3, virtual.group(1), key, region(virtual.group(2)), versionId, uri, null);
        }
        return new ObjectLocation(Store.HTTP, null, null, null, null, uri, null);
    }

    /** Reads a path-style S3 URL against a custom endpoint ({@code http://host:port/bucket/key}). */
    public static ObjectLocation pathStyleOn(URI uri) {
        String p = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        int slash = p.indexOf('/');
        String bucket = slash < 0 ? p : p.substring(0, slash);
        String key = slash < 0 ? "" : decode(p.substring(slash + 1));
        return new ObjectLocation(Store.S3, bucket, key, null, query(uri, "versionId"), uri, null);
    }

    /** True when the URL names a prefix (a key that is empty or ends in '/'), not one object. */
    public boolean isPrefix() {
        return store == Store.S3 && (key.isEmpty() || key.endsWith("/"));
    }

    /** The canonical name: {@code s3://bucket/key}, the HTTP URL, or the file's URI. */
    public String canonical() {
        switch (store) {
            case S3: return "s3://" + bucket + "/" + key;
            case HTTP: return uri.toString();
            default: return path.toUri().toString();
        }
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
}
