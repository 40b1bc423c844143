package io.astrocloud.gcs;

import io.astrocloud.source.Redaction;
import io.astrocloud.source.Urls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Cloud Storage object lives, read from its URL: {@code gs://BUCKET/OBJECT},
 * {@code https://storage.googleapis.com/BUCKET/OBJECT} (also {@code storage.cloud.google.com}),
 * {@code https://BUCKET.storage.googleapis.com/OBJECT}, or a JSON API URL
 * ({@code https://storage.googleapis.com/[download/]storage/v1/b/BUCKET/o/OBJECT}). An object name
 * that is empty or ends in {@code /} names a prefix.
 *
 * @param bucket  the bucket
 * @param name    the object name, decoded
 * @param gsForm  whether the URL was a {@code gs://} URL (names of listed objects keep the form)
 */
record GcsLocation(String bucket, String name, boolean gsForm) {
    private static final Pattern PATH_HOST = Pattern.compile("storage\\.(?:googleapis\\.com|cloud\\.google\\.com)");
    private static final Pattern VIRTUAL_HOST = Pattern.compile("(.+)\\.storage\\.googleapis\\.com");
    private static final Pattern JSON_API_PATH = Pattern.compile("/(?:download/)?storage/v1/b/([^/]+)/o/(.*)");

    /**
     * True for {@code gs://} URLs and HTTPS URLs on Cloud Storage's hosts, except signed URLs
     * ({@link Urls#isPresigned}), which are read as plain HTTP with their own signature.
     */
    static boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gs://")) {
            return true;
        }
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        URI uri = URI.create(url);
        String host = uri.getHost();
        return host != null && !Urls.isPresigned(uri)
                && (PATH_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()
                || VIRTUAL_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches());
    }

    /** Parses a URL {@link #accepts(String)} accepted. */
    static GcsLocation parse(String url) {
        if (url.toLowerCase(Locale.ROOT).startsWith("gs://")) {
            String rest = url.substring("gs://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in " + Redaction.text(url));
            }
            return new GcsLocation(bucket, slash < 0 ? "" : rest.substring(slash + 1), true);
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Matcher virtual = VIRTUAL_HOST.matcher(host);
        if (virtual.matches()) {
            return new GcsLocation(virtual.group(1), decode(path.replaceFirst("^/", "")), false);
        }
        Matcher jsonApi = JSON_API_PATH.matcher(path);
        if (jsonApi.matches()) {
            return new GcsLocation(decode(jsonApi.group(1)), decode(jsonApi.group(2)), false);
        }
        String p = path.replaceFirst("^/", "");
        if (p.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + Redaction.text(url));
        }
        int slash = p.indexOf('/');
        return new GcsLocation(slash < 0 ? p : p.substring(0, slash), slash < 0 ? "" : decode(p.substring(slash + 1)),
                false);
    }

    /** True when the object name is empty or ends in '/': a prefix, not one object. */
    boolean isPrefix() {
        return name.isEmpty() || name.endsWith("/");
    }

    /** This object's URL. */
    String url() {
        return urlOf(name);
    }

    /** The URL of another object in the same bucket: {@code gs://} or {@code https://storage.googleapis.com/}. */
    String urlOf(String objectName) {
        return gsForm ? "gs://" + bucket + "/" + objectName
                : "https://storage.googleapis.com/" + bucket + "/" + Urls.encodePath(objectName);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
