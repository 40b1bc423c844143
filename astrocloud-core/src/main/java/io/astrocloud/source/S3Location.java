package io.astrocloud.source;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Uri;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * Where an S3 object (or prefix) lives, read from its URL. Amazon S3's HTTPS forms (path style
 * {@code https://s3.REGION.amazonaws.com/bucket/key} and virtual-hosted
 * {@code https://bucket.s3.REGION.amazonaws.com/key}, dual-stack and legacy hosts included) are
 * read by the SDK's {@link S3Utilities#parseUri}; what it lacks is read here: {@code s3://} and
 * {@code s3a://} keys taken as written (not decoded, so {@code s3://b/a b.fits} works), the
 * services that speak S3 under their own host names (DigitalOcean Spaces
 * {@code https://BUCKET.nyc3.digitaloceanspaces.com/key} or {@code https://nyc3.digitaloceanspaces.com/BUCKET/key},
 * Wasabi, Backblaze B2, Linode), whose endpoint, region and addressing come from the URL, and
 * URLs on an endpoint set in the access options ({@link #onEndpoint}). A presigned URL is never an
 * S3 location: its query is the credential, and it is read as plain HTTP ({@link Urls#isPresigned}).
 * A key that is empty or ends in {@code /} names a prefix.
 *
 * @param bucket    the bucket
 * @param key       the object key (or prefix), decoded
 * @param versionId a {@code versionId} query parameter, or null
 * @param region    the region the URL's host names, or null
 * @param endpoint  the S3-compatible service the URL names ({@code https://nyc3.digitaloceanspaces.com}),
 *                  or null for Amazon S3 and {@code s3://} URLs (which use the access options' endpoint)
 * @param pathStyle whether the URL addresses the bucket in the path rather than the host name
 *                  (meaningful when {@code endpoint} is set)
 */
public record S3Location(String bucket, String key, String versionId, String region, URI endpoint,
                         boolean pathStyle) {
    /** Only parses URLs: the region is never used. */
    private static final S3Utilities AWS = S3Utilities.builder().region(Region.US_EAST_1).build();
    private static final Pattern AWS_HOST = Pattern.compile(".*\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern DUALSTACK_REGION = Pattern.compile("(?:^|\\.)s3[.-]dualstack\\.([a-z0-9-]+)\\.");

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

    /** An object or prefix on Amazon S3, or on the access options' endpoint. */
    public S3Location(String bucket, String key, String versionId) {
        this(bucket, key, versionId, null, null, false);
    }

    /**
     * The S3 location {@code url} names, or null when it is no S3 URL: {@code s3://}, {@code s3a://},
     * an Amazon S3 host or a known S3-compatible service, never presigned.
     *
     * @throws IllegalArgumentException for an S3 URL without a bucket
     */
    public static S3Location parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://") || lower.startsWith("s3a://")) {
            String rest = url.substring(url.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("no bucket in " + Redaction.text(url));
            }
            return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1), null);
        }
        if (!Urls.isHttp(url)) {
            return null;
        }
        URI uri = URI.create(url);
        if (Urls.isPresigned(uri) || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return AWS_HOST.matcher(host).matches() ? onAmazon(uri, host) : onS3CompatibleHost(uri, host);
    }

    /**
     * Reads {@code uri} as an S3 URL on {@code endpoint} (an endpoint set in the access options:
     * MinIO, LocalStack, any S3-compatible store): {@code ENDPOINT/bucket/key} in path style, or
     * {@code scheme://BUCKET.ENDPOINT-HOST/key} virtual-hosted. Null when {@code uri} is not on it.
     */
    public static S3Location onEndpoint(URI uri, URI endpoint) {
        if (Redirects.sameOrigin(uri, endpoint)) {
            return pathStyleOn(uri, endpoint, null);
        }
        String host = uri.getHost();
        boolean bucketHost = host != null && endpoint.getHost() != null
                && host.toLowerCase(Locale.ROOT).endsWith("." + endpoint.getHost().toLowerCase(Locale.ROOT))
                && uri.getScheme().equalsIgnoreCase(endpoint.getScheme())
                && Redirects.port(uri) == Redirects.port(endpoint);
        return bucketHost ? virtualHostedOn(uri, endpoint, null) : null;
    }

    /** Amazon S3's host forms, as the SDK reads them; null for other AWS services' hosts. */
    private static S3Location onAmazon(URI uri, String host) {
        S3Uri parsed;
        try {
            parsed = AWS.parseUri(uri);
        } catch (IllegalArgumentException notS3) {
            return null;
        }
        String bucket = parsed.bucket().orElseThrow(
                () -> new IllegalArgumentException("no bucket in " + Redaction.text(uri.toString())));
        return new S3Location(bucket, parsed.key().orElse(""), Urls.query(uri, "versionId"),
                region(host, parsed.region().map(Region::id).orElse(null)), null, false);
    }

    /**
     * The region the SDK found in the host, corrected where it misreads it: the legacy global
     * endpoint {@code s3-external-1} is us-east-1, and a dual-stack host names its region after
     * {@code dualstack}.
     */
    private static String region(String host, String parsed) {
        Matcher dualstack = DUALSTACK_REGION.matcher(host);
        if (dualstack.find()) {
            return dualstack.group(1);
        }
        return "external-1".equals(parsed) ? "us-east-1" : parsed;
    }

    /** A URL on a known S3-compatible service, path style or virtual-hosted, or null. */
    private static S3Location onS3CompatibleHost(URI uri, String host) {
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

    /** {@code ENDPOINT/bucket/key}: requests go to that endpoint in path style, signed for {@code region}. */
    private static S3Location pathStyleOn(URI uri, URI endpoint, String region) {
        String p = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (p.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + Redaction.text(uri.toString()));
        }
        int slash = p.indexOf('/');
        String key = slash < 0 ? "" : Urls.decode(p.substring(slash + 1));
        return new S3Location(slash < 0 ? p : p.substring(0, slash), key, Urls.query(uri, "versionId"), region,
                endpoint, true);
    }

    /**
     * {@code scheme://BUCKET.endpoint-host/key}: the bucket is what precedes the endpoint's host
     * name; requests go to that endpoint virtual-hosted, signed for {@code region}.
     */
    private static S3Location virtualHostedOn(URI uri, URI endpoint, String region) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String suffix = "." + endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.length() == suffix.length()) {
            throw new IllegalArgumentException(Redaction.text(uri.toString()) + " is not a bucket host on " + endpoint);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new S3Location(host.substring(0, host.length() - suffix.length()),
                Urls.decode(path.startsWith("/") ? path.substring(1) : path), Urls.query(uri, "versionId"), region,
                endpoint, false);
    }

    /** The same bucket, service and addressing with another key (an object found under a prefix). */
    public S3Location withKey(String newKey) {
        return new S3Location(bucket, newKey, null, region, endpoint, pathStyle);
    }

    /** True when the key is empty or ends in '/': a prefix, not one object. */
    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /**
     * The canonical URL: {@code s3://bucket/key} (Amazon S3 or the options' endpoint), or the
     * URL on the S3-compatible service the location names.
     */
    public String canonical() {
        if (endpoint == null) {
            return "s3://" + bucket + "/" + key;
        }
        String origin = endpoint.toString().replaceFirst("/+$", "");
        String encodedKey = Urls.encodePath(key);
        if (pathStyle) {
            return origin + "/" + bucket + "/" + encodedKey;
        }
        return endpoint.getScheme() + "://" + bucket + "." + origin.substring(endpoint.getScheme().length() + 3)
                + "/" + encodedKey;
    }

    /** The canonical URL, with its secrets masked ({@link Redaction}), and the version. */
    @Override
    public String toString() {
        return "S3Location[" + Redaction.text(canonical()) + (versionId == null ? "" : ", versionId=" + versionId)
                + "]";
    }
}
